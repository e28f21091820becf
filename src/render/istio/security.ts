import type { NormalizedService, NormalizedSystem } from '../../normalize/model.js';
import type { ResolvedSystem } from '../../resolve/resolve.js';
import { compareStrings } from '../../util/order.js';
import type { AuthorizationPolicyContext, PeerAuthenticationContext } from '../contexts.js';
import { appSelector, serviceLabels, systemLabels } from '../kubernetes/labels.js';

/** The mTLS identity of a workload running as service account `serviceAccount` (Istio's default trust domain). */
function principal(namespace: string, serviceAccount: string): string {
  return `cluster.local/ns/${namespace}/sa/${serviceAccount}`;
}

/** The services that talk to the broker: every publisher and subscriber. */
const brokerClients = (system: NormalizedSystem) => system.services.filter((s) => s.publishes.length > 0 || s.subscribes.length > 0);

/**
 * Template context of `authorizationpolicy.yaml.hbs`: allow only the declared callers' identities, plus the
 * ingress gateway's identity (`ingress.gatewayServiceAccount`) for a service with `ingress`, plus every publisher
 * and subscriber for the service that runs the broker (`broker.service`). No sources at all: an ALLOW policy
 * without rules admits no one.
 */
export function authorizationPolicyContext(resolved: ResolvedSystem, service: NormalizedService): AuthorizationPolicyContext {
  const system = resolved.system;
  const clients = system.broker.service === service.name ? brokerClients(system).filter((s) => s !== service) : [];
  const sources = [...resolved.callers(service.name).map((caller) => caller.service), ...clients];
  const callers = [...new Set(sources.map((source) => source.pod.serviceAccount.name))].sort(compareStrings);
  const principals = callers.map((caller) => principal(system.namespace, caller));
  if (service.ingress) {
    const [namespace, account] = service.ingress.gatewayServiceAccount.split('/') as [string, string];
    principals.push(principal(namespace, account));
  }
  const from = principals.length > 0 ? [{ source: { principals } }] : [];
  return {
    name: service.name,
    namespace: system.namespace,
    labels: serviceLabels(system, service),
    selector: appSelector(service),
    rules: from.length > 0 ? [{ from }] : null,
  };
}

/** Template context of `peerauthentication.yaml.hbs`: STRICT mTLS for the whole namespace. */
export function peerAuthenticationContext(system: NormalizedSystem): PeerAuthenticationContext {
  return { name: 'default', namespace: system.namespace, labels: systemLabels(system), mode: 'STRICT' };
}
