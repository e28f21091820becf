import type { NormalizedService, NormalizedSystem } from '../../normalize/model.js';
import type { AllowSource } from '../../spec/schema.generated.js';
import type { ResolvedSystem } from '../../resolve/resolve.js';
import { compareStrings } from '../../util/order.js';
import type { AuthorizationPolicyContext, PeerAuthenticationContext } from '../contexts.js';
import { appSelector, serviceLabels, systemLabels } from '../kubernetes/labels.js';
import { deployedGatewayAccount } from '../gateway-api/ingress.js';

/** The mTLS identity of a workload running as service account `serviceAccount` (Istio's default trust domain). */
function principal(namespace: string, serviceAccount: string): string {
  return `cluster.local/ns/${namespace}/sa/${serviceAccount}`;
}

/** The services that talk to the broker: every publisher and subscriber. */
const brokerClients = (system: NormalizedSystem) =>
  system.services.filter((s) => s.publishes.length > 0 || s.subscribes.length > 0);

/**
 * Template context of `authorizationpolicy.yaml.hbs`, or null with `mesh.authorization: off`: allow only the
 * declared callers' identities, plus the ingress gateway's identity (`ingress.gatewayServiceAccount`) for a
 * service with `ingress`, plus every publisher and subscriber for the service that runs the broker
 * (`broker.service`), plus the namespaces and principals of `mesh.allow` and the service's `allowFrom`. One rule
 * without sources when it admits anyone. No sources at all: an ALLOW policy without rules admits no one.
 */
export function authorizationPolicyContext(
  resolved: ResolvedSystem,
  service: NormalizedService,
  gatewayApi = false,
): AuthorizationPolicyContext | null {
  const system = resolved.system;
  if (system.mesh.authorization === 'off') return null;
  const clients = system.broker.service === service.name ? brokerClients(system).filter((s) => s !== service) : [];
  const sources = [...resolved.callers(service.name).map((caller) => caller.service), ...clients];
  const callers = [...new Set(sources.map((source) => source.pod.serviceAccount.name))].sort(compareStrings);
  const principals = callers.map((caller) => principal(system.namespace, caller));
  if (service.ingress) {
    // The Gateway API Gateway hamesh emits runs as the account Istio deploys it with.
    const gateway =
      gatewayApi && service.ingress.emitGateway
        ? deployedGatewayAccount(system.namespace, service.ingress.gateway)
        : service.ingress.gatewayServiceAccount;
    const [namespace, account] = gateway.split('/') as [string, string];
    principals.push(principal(namespace, account));
  }
  const extra: AllowSource[] = [...system.mesh.allow, ...service.allowFrom];
  const extraPrincipals = extra
    .flatMap((s) => ('principal' in s ? [s.principal] : []))
    .filter((p) => !principals.includes(p));
  const namespaces = [...new Set(extra.flatMap((s) => ('namespace' in s ? [s.namespace] : [])))].sort(compareStrings);
  const from = [
    ...(principals.length + extraPrincipals.length > 0
      ? [{ source: { principals: [...principals, ...[...new Set(extraPrincipals)].sort(compareStrings)] } }]
      : []),
    ...(namespaces.length > 0 ? [{ source: { namespaces } }] : []),
  ];
  return {
    name: service.name,
    namespace: system.namespace,
    labels: serviceLabels(system, service),
    selector: appSelector(service),
    rules: service.admitsAnyone ? [{}] : from.length > 0 ? [{ from }] : null,
  };
}

const mtlsModes = { strict: 'STRICT', permissive: 'PERMISSIVE' } as const;

/** Template context of `peerauthentication.yaml.hbs`: the namespace's mTLS mode (`mesh.mtls`, default STRICT). */
export function peerAuthenticationContext(system: NormalizedSystem): PeerAuthenticationContext {
  return {
    name: 'default',
    namespace: system.namespace,
    labels: systemLabels(system),
    selector: null,
    mode: mtlsModes[system.mesh.mtls],
  };
}

/**
 * A service that admits anyone under STRICT mTLS also takes plaintext from clients outside the mesh (through a
 * LoadBalancer Service, say): its own PERMISSIVE PeerAuthentication. Null when it needs none.
 */
export function servicePeerAuthenticationContext(
  system: NormalizedSystem,
  service: NormalizedService,
): PeerAuthenticationContext | null {
  if (system.mesh.mtls !== 'strict' || !service.admitsAnyone) return null;
  return {
    name: service.name,
    namespace: system.namespace,
    labels: serviceLabels(system, service),
    selector: appSelector(service),
    mode: mtlsModes.permissive,
  };
}
