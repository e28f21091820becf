import type { NormalizedSystem } from '../../normalize/model.js';
import { meshTraffic } from '../../normalize/ports.js';
import { backendRuns, type IngressHost } from '../../resolve/ingress-hosts.js';
import { sortBy } from '../../util/order.js';
import type { GatewayContext, VirtualServiceContext } from '../contexts.js';
import { systemLabels } from '../kubernetes/labels.js';
import { defaultDestinations, httpRoutes } from './http-route.js';

/**
 * The route table of one host: each backend service's routes and default route (its timeout, retries, versions),
 * restricted to its paths, most specific path first. TCP services take the host's TCP traffic.
 */
function hostRoutes(host: IngressHost): { http?: object[]; tcp?: object[] } {
  const http: object[] = [];
  const tcp: object[] = [];
  for (const run of backendRuns(host.backends)) {
    const service = run[0]!.service;
    const traffic = meshTraffic(service);
    if (traffic.http) {
      // One route's matches are alternatives: kept in the spec's order.
      const matches = [...run].sort((a, b) => a.index - b.index).flatMap((b) => (b.match ? [{ uri: b.match }] : []));
      http.push(...httpRoutes(service, matches, run[0]!.port));
    } else if (traffic.tcp) tcp.push({ route: defaultDestinations(service) });
  }
  return { ...(http.length > 0 && { http }), ...(tcp.length > 0 && { tcp }) };
}

/**
 * One gateway-bound VirtualService per ingress host, named after the host, shared by every service that serves
 * part of it: the output does not depend on how Istio would merge several VirtualServices of one host.
 */
export function hostVirtualServiceContexts(
  system: NormalizedSystem,
  hosts: readonly IngressHost[],
): VirtualServiceContext[] {
  return hosts.flatMap((host) => {
    const routes = hostRoutes(host);
    if (!routes.http && !routes.tcp) return [];
    return [
      {
        name: host.name,
        namespace: system.namespace,
        labels: systemLabels(system),
        hosts: [host.host],
        gateways: [host.gateway],
        http: routes.http ?? null,
        tcp: routes.tcp ?? null,
      },
    ];
  });
}

const sortedUnique = (values: Iterable<string>) => sortBy([...new Set(values)], (v) => v);

/**
 * Template context of `gateway.yaml.hbs`: the Istio Gateway `<system>-gateway` for the hosts whose services name
 * no gateway of their own, or null when there is none. Plain hosts are served over HTTP; hosts with `tls` over
 * HTTPS with their credential (SNI), their plain HTTP redirecting to HTTPS.
 */
export function gatewayContext(system: NormalizedSystem, hosts: readonly IngressHost[]): GatewayContext | null {
  const served = hosts.filter((h) => h.emitGateway);
  if (served.length === 0) return null;
  const { http, https } = system.mesh.gatewayPorts;
  const plain = sortedUnique(served.filter((h) => !h.tls).map((h) => h.host));
  const byCredential = new Map<string, string[]>();
  for (const h of served)
    if (h.tls) byCredential.set(h.tls.credentialName, [...(byCredential.get(h.tls.credentialName) ?? []), h.host]);
  const credentials = sortBy([...byCredential.keys()], (c) => c);
  const secured = sortedUnique(credentials.flatMap((c) => byCredential.get(c)!));
  const servers = [
    ...(plain.length > 0 ? [{ port: { number: http, name: 'http', protocol: 'HTTP' }, hosts: plain }] : []),
    ...(secured.length > 0
      ? [
          {
            port: { number: http, name: 'http-redirect', protocol: 'HTTP' },
            hosts: secured,
            tls: { httpsRedirect: true },
          },
        ]
      : []),
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
