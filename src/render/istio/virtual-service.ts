import type { NormalizedService, NormalizedSystem } from '../../normalize/model.js';
import { meshTraffic } from '../../normalize/ports.js';
import type { VirtualServiceContext } from '../contexts.js';
import { serviceLabels } from '../kubernetes/labels.js';
import { defaultDestinations, httpRoutes } from './http-route.js';

/** Template context of `virtualservice.yaml.hbs`. */
function virtualServiceContext(
  system: NormalizedSystem,
  service: NormalizedService,
  vs: { name: string; hosts: string[]; gateways?: string[]; http?: object[]; tcp?: object[] },
): VirtualServiceContext {
  return {
    name: vs.name,
    namespace: system.namespace,
    labels: serviceLabels(system, service),
    hosts: vs.hosts,
    gateways: vs.gateways ?? null,
    http: vs.http ?? null,
    tcp: vs.tcp ?? null,
  };
}

/**
 * The in-mesh VirtualService, named after the service, when the spec asks for something a VirtualService says
 * (timeout, retries, versions, routes); none for UDP-only services and workers (Istio does not proxy UDP; a worker
 * has no port). TCP routes carry no timeout or retries: only the weights apply.
 */
export function meshVirtualServiceContexts(
  system: NormalizedSystem,
  service: NormalizedService,
): VirtualServiceContext[] {
  const traffic = meshTraffic(service);
  const wanted =
    service.timeoutMs !== undefined || service.retries || service.versions.length > 0 || service.routes.length > 0;
  if (!wanted || (!traffic.http && !traffic.tcp)) return [];
  return [
    virtualServiceContext(system, service, {
      name: service.name,
      hosts: [service.name],
      ...(traffic.http && { http: httpRoutes(service) }),
      ...(traffic.tcp && { tcp: [{ route: defaultDestinations(service) }] }),
    }),
  ];
}
