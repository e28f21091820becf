import type { NormalizedService, NormalizedSystem } from '../normalize/model.js';
import { exposedPorts } from '../normalize/ports.js';
import { compareClaims, pathClaim, type PathClaim } from '../spec/ingress-paths.js';
import type { StringMatch } from '../spec/schema.generated.js';
import { compareStrings } from '../util/order.js';

/** One service's share of an ingress host: one of its `ingress.paths`, or every path. */
export interface IngressBackend {
  service: NormalizedService;
  /** The `ingress.paths` entry; undefined: every path. */
  match?: StringMatch;
  claim: PathClaim;
  /** The service port requests go to: its HTTP (or gRPC) port, which a gateway must name; undefined for TCP only. */
  port?: number;
  /** Its index in the service's `ingress.paths` (0 for every path). */
  index: number;
  /** Pointer of the `paths` entry, or of the host entry when the service takes every path. */
  path: string;
}

/** A host on one gateway, with every service that serves part of it: one route table (VirtualService, Ingress, HTTPRoute). */
export interface IngressHost {
  host: string;
  gateway: string;
  /** Whether hamesh emits the gateway (no service named one). */
  emitGateway: boolean;
  tls?: { credentialName: string };
  /** The Ingress class of the host (the first backend's, by service name; validation keeps them equal). */
  className: string;
  /** The name of the objects emitted for the host: the host, DNS-safe, plus the gateway when the host is on several. */
  name: string;
  /** Most specific first (exact, longest prefix, regex, every path); equal claims by service name. */
  backends: IngressBackend[];
  /** The `ingress.hosts` entries naming the host, by service name. */
  entries: Array<{ service: NormalizedService; path: string }>;
}

/** `*` → `wildcard`, `*.example.com` → `wildcard.example.com`: a DNS subdomain, as object names must be. */
const dnsSafe = (host: string) => host.replace(/^\*/, 'wildcard');

/**
 * The ingress hosts of the system, grouped by gateway and host across services, sorted by gateway then host.
 * The result depends only on the spec's content, never on the order services are written in.
 */
export function ingressHosts(system: NormalizedSystem): IngressHost[] {
  const byKey = new Map<string, IngressHost>();
  // system.services is sorted by name, so entries and equal claims come out in name order.
  for (const service of system.services) {
    const ingress = service.ingress;
    if (!ingress) continue;
    const base = `${service.path}/ingress`;
    ingress.hosts.forEach((host, index) => {
      const key = `${ingress.gateway}\u0000${host}`;
      let group = byKey.get(key);
      if (!group) {
        group = {
          host,
          gateway: ingress.gateway,
          emitGateway: ingress.emitGateway,
          ...(ingress.tls && { tls: ingress.tls }),
          className: ingress.className,
          name: dnsSafe(host),
          backends: [],
          entries: [],
        };
        byKey.set(key, group);
      }
      const hostPath = `${base}/hosts/${index}`;
      const port = exposedPorts(service).find((p) => p.protocol === 'http' || p.protocol === 'grpc')?.servicePort;
      group.entries.push({ service, path: hostPath });
      if (ingress.paths.length === 0)
        group.backends.push({ service, claim: pathClaim(undefined), port, index: 0, path: hostPath });
      ingress.paths.forEach((match, i) => {
        group.backends.push({ service, match, claim: pathClaim(match), port, index: i, path: `${base}/paths/${i}` });
      });
    });
  }
  const hosts = [...byKey.values()].sort(
    (a, b) => compareStrings(a.gateway, b.gateway) || compareStrings(a.host, b.host),
  );
  const gatewaysOf = new Map<string, number>();
  for (const h of hosts) gatewaysOf.set(h.host, (gatewaysOf.get(h.host) ?? 0) + 1);
  for (const h of hosts) {
    if (gatewaysOf.get(h.host)! > 1) h.name = `${h.name}-${h.gateway.replace('/', '-')}`;
    h.backends.sort((a, b) => compareClaims(a.claim, b.claim) || compareStrings(a.service.name, b.service.name));
  }
  return hosts;
}

/**
 * Runs of consecutive backends of one service: a service's paths that sit next to each other in the host's order
 * share its routes (their matches OR-ed), as they would in a VirtualService of the service alone.
 */
export function backendRuns(backends: readonly IngressBackend[]): IngressBackend[][] {
  const runs: IngressBackend[][] = [];
  for (const backend of backends) {
    const last = runs.at(-1);
    if (last && last[0]!.service === backend.service) last.push(backend);
    else runs.push([backend]);
  }
  return runs;
}
