import { modelEntries } from './strict-model.js';

/** The Istio kinds hamesh emits, checked against the schemas of Istio's CRDs. */
export const istioVerifiers = modelEntries('@kubernetes-models/istio@3 (Istio 1.29 CRDs)', [
  [
    'networking.istio.io/v1',
    'VirtualService',
    async () => (await import('@kubernetes-models/istio/networking.istio.io/v1/VirtualService')).VirtualService,
  ],
  [
    'networking.istio.io/v1',
    'Gateway',
    async () => (await import('@kubernetes-models/istio/networking.istio.io/v1/Gateway')).Gateway,
  ],
  [
    'networking.istio.io/v1',
    'DestinationRule',
    async () => (await import('@kubernetes-models/istio/networking.istio.io/v1/DestinationRule')).DestinationRule,
  ],
  [
    'security.istio.io/v1',
    'PeerAuthentication',
    async () => (await import('@kubernetes-models/istio/security.istio.io/v1/PeerAuthentication')).PeerAuthentication,
  ],
  [
    'security.istio.io/v1',
    'AuthorizationPolicy',
    async () => (await import('@kubernetes-models/istio/security.istio.io/v1/AuthorizationPolicy')).AuthorizationPolicy,
  ],
  // Kinds a spec's `objects` commonly passes through.
  [
    'networking.istio.io/v1',
    'Gateway',
    async () => (await import('@kubernetes-models/istio/networking.istio.io/v1/Gateway')).Gateway,
  ],
  [
    'networking.istio.io/v1',
    'ServiceEntry',
    async () => (await import('@kubernetes-models/istio/networking.istio.io/v1/ServiceEntry')).ServiceEntry,
  ],
  [
    'networking.istio.io/v1',
    'Sidecar',
    async () => (await import('@kubernetes-models/istio/networking.istio.io/v1/Sidecar')).Sidecar,
  ],
]);
