import type { NormalizedService, NormalizedSystem } from '../../normalize/model.js';
import { meshTraffic } from '../../normalize/ports.js';
import { serviceLabels } from '../kubernetes/labels.js';
import { defaultDestinations, httpRoutes } from './http-route.js';

/** The name of the VirtualService that binds a service with `ingress` to its gateway. */
export const ingressVirtualServiceName = (service: string) => `${service}-ingress`;

/**
 * Template contexts of `virtualservice.yaml.hbs`: one for in-mesh callers when the spec asks for something a
 * VirtualService says (timeout, retries, versions, routes), and, for a service with `ingress`, one bound to its gateway
 * with the external hosts only (a gateway-bound VirtualService must not list the in-mesh short name).
 */
export function virtualServiceContexts(system: NormalizedSystem, service: NormalizedService): object[] {
  const traffic = meshTraffic(service);
  const context = (name: string, hosts: string[], gateways: string[] | null) => ({
    name,
    namespace: system.namespace,
    labels: serviceLabels(system, service),
    hosts,
    gateways,
    // TCP routes carry no timeout or retries: only the weights apply.
    http: traffic.http ? httpRoutes(service) : null,
    tcp: traffic.tcp ? [{ route: defaultDestinations(service) }] : null,
  });
  // UDP ports and workers have no route (Istio does not proxy UDP; a worker has no port).
  if (!traffic.http && !traffic.tcp) return [];
  const mesh = service.timeoutMs !== undefined || service.retries || service.versions.length > 0 || service.routes.length > 0;
  return [
    ...(mesh ? [context(service.name, [service.name], null)] : []),
    ...(service.ingress ? [context(ingressVirtualServiceName(service.name), service.ingress.hosts, [service.ingress.gateway])] : []),
  ];
}
