import { strictModelVerifier } from './strict-model.js';
import type { VerifierEntry } from './verifier.js';

const source = '@kubernetes-models/istio@3 (Istio 1.29 CRDs)';

/** The Istio kinds hamesh emits, checked against the schemas of Istio's CRDs. */
export const istioVerifiers: VerifierEntry[] = [
  {
    apiVersion: 'networking.istio.io/v1',
    kind: 'VirtualService',
    source,
    load: async () => strictModelVerifier((await import('@kubernetes-models/istio/networking.istio.io/v1/VirtualService')).VirtualService),
  },
  {
    apiVersion: 'networking.istio.io/v1',
    kind: 'DestinationRule',
    source,
    load: async () => strictModelVerifier((await import('@kubernetes-models/istio/networking.istio.io/v1/DestinationRule')).DestinationRule),
  },
  {
    apiVersion: 'security.istio.io/v1',
    kind: 'PeerAuthentication',
    source,
    load: async () => strictModelVerifier((await import('@kubernetes-models/istio/security.istio.io/v1/PeerAuthentication')).PeerAuthentication),
  },
  {
    apiVersion: 'security.istio.io/v1',
    kind: 'AuthorizationPolicy',
    source,
    load: async () => strictModelVerifier((await import('@kubernetes-models/istio/security.istio.io/v1/AuthorizationPolicy')).AuthorizationPolicy),
  },
];
