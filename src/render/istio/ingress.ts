import { DEFAULTS } from '../../normalize/defaults.js';
import type { NormalizedService, NormalizedSystem } from '../../normalize/model.js';
import { exposedPorts, meshTraffic } from '../../normalize/ports.js';
import { sortBy } from '../../util/order.js';
import { systemLabels } from '../kubernetes/labels.js';
import { defaultDestinations, httpRoutes } from './http-route.js';
import { virtualServiceContext } from './virtual-service.js';

/** The name of the VirtualService that binds a service with `ingress` to its gateway. */
export const ingressVirtualServiceName = (service: string) => `${service}-ingress`;

/**
 * Host → routes: what the gateway does with requests for one service's ingress hosts. Its routes and default
 * route, each restricted to the ingress `paths`, sent to the service's HTTP port (a gateway must name the
 * port). Kept apart from the VirtualService around it, so routes of several services can share a host's one.
 */
export function ingressRoutes(service: NormalizedService): { hosts: string[]; http?: object[]; tcp?: object[] } {
  const ingress = service.ingress!;
  const traffic = meshTraffic(service);
  const httpPort = exposedPorts(service).find((p) => p.protocol === 'http' || p.protocol === 'grpc');
  const paths = ingress.paths.map((uri) => ({ uri }));
  return {
    hosts: ingress.hosts,
    ...(traffic.http && { http: httpRoutes(service, paths, httpPort?.servicePort) }),
    ...(traffic.tcp && !traffic.http && { tcp: [{ route: defaultDestinations(service) }] }),
  };
}

/**
 * The gateway-bound VirtualService `<service>-ingress`, with the external hosts only (a gateway-bound
 * VirtualService must not list the in-mesh short name).
 */
export function ingressVirtualServiceContexts(system: NormalizedSystem, service: NormalizedService): object[] {
  if (!service.ingress) return [];
  const routes = ingressRoutes(service);
  if (!routes.http && !routes.tcp) return [];
  return [virtualServiceContext(system, service, { name: ingressVirtualServiceName(service.name), gateways: [service.ingress.gateway], ...routes })];
}

const sortedUnique = (values: Iterable<string>) => sortBy([...new Set(values)], (v) => v);

/**
 * Template context of `gateway.yaml.hbs`: the Istio Gateway `<system>-gateway` for every service whose
 * `ingress` names no gateway of its own, or null when there is none. Plain hosts are served over HTTP; hosts with
 * `tls` over HTTPS with their credential (SNI), their plain HTTP redirecting to HTTPS.
 */
export function gatewayContext(system: NormalizedSystem) {
  const served = system.services.flatMap((s) => (s.ingress?.emitGateway ? [s.ingress] : []));
  if (served.length === 0) return null;
  const { http, https } = DEFAULTS.gatewayPorts;
  const plain = sortedUnique(served.filter((i) => !i.tls).flatMap((i) => i.hosts));
  const byCredential = new Map<string, string[]>();
  for (const ingress of served) {
    if (ingress.tls) byCredential.set(ingress.tls.credentialName, [...(byCredential.get(ingress.tls.credentialName) ?? []), ...ingress.hosts]);
  }
  const credentials = sortBy([...byCredential.keys()], (c) => c);
  const secured = sortedUnique(credentials.flatMap((c) => byCredential.get(c)!));
  const servers = [
    ...(plain.length > 0 ? [{ port: { number: http, name: 'http', protocol: 'HTTP' }, hosts: plain }] : []),
    ...(secured.length > 0 ? [{ port: { number: http, name: 'http-redirect', protocol: 'HTTP' }, hosts: secured, tls: { httpsRedirect: true } }] : []),
    ...credentials.map((credentialName, index) => ({
      port: { number: https, name: `https-${index + 1}`, protocol: 'HTTPS' },
      hosts: sortedUnique(byCredential.get(credentialName)!),
      tls: { mode: 'SIMPLE', credentialName },
    })),
  ];
  return {
    name: served[0]!.gateway,
    namespace: system.namespace,
    labels: systemLabels(system),
    selector: system.mesh.gatewaySelector,
    servers,
  };
}
