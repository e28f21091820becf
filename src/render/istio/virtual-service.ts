import type { NormalizedService, NormalizedSystem } from '../../normalize/model.js';
import { formatDuration } from '../../spec/duration.js';
import { serviceLabels } from '../kubernetes/labels.js';

function destinations(service: NormalizedService): object[] {
  if (service.versions.length === 0) return [{ destination: { host: service.name } }];
  return service.versions.map((v) => ({ destination: { host: service.name, subset: v.name }, weight: v.weight }));
}

/** Only what the spec set: no `retries` block when none were given (Istio then retries twice by itself). */
function httpRoute(service: NormalizedService): object {
  const retries = service.retries;
  return {
    route: destinations(service),
    ...(service.timeoutMs !== undefined && { timeout: formatDuration(service.timeoutMs) }),
    ...(retries && {
      retries: {
        attempts: retries.attempts,
        ...(retries.perTryTimeoutMs !== undefined && { perTryTimeout: formatDuration(retries.perTryTimeoutMs) }),
        ...(retries.on && { retryOn: retries.on.join(',') }),
      },
    }),
  };
}

/**
 * Template context of `virtualservice.yaml.hbs`, or null when the spec asks for nothing a VirtualService
 * would say (no timeout, retries, versions or ingress).
 */
export function virtualServiceContext(system: NormalizedSystem, service: NormalizedService) {
  const wanted = service.timeoutMs !== undefined || service.retries || service.versions.length > 0 || service.ingress;
  if (!wanted) return null;
  const tcp = service.protocol === 'tcp';
  return {
    name: service.name,
    namespace: system.namespace,
    labels: serviceLabels(system, service),
    hosts: [service.name, ...(service.ingress?.hosts ?? [])],
    // `mesh` keeps the routes for in-mesh callers once a gateway is bound.
    gateways: service.ingress ? [service.ingress.gateway, 'mesh'] : null,
    // TCP routes carry no timeout or retries: only the weights apply.
    http: tcp ? null : [httpRoute(service)],
    tcp: tcp ? [{ route: destinations(service) }] : null,
  };
}
