import type { NormalizedRoute, NormalizedService } from '../../normalize/model.js';
import { exposedPorts, meshTraffic } from '../../normalize/ports.js';
import type { RouteMatch, StringMatch } from '../../spec/schema.generated.js';
import { formatDuration } from '../../spec/duration.js';
import { compareStrings } from '../../util/order.js';

/** The Service that selects one version's pods (`<service>-<version>`), the backend a weight sends traffic to. */
export const versionServiceName = (service: string, version: string) => `${service}-${version}`;

/** The exposed ports HTTPRoutes carry: HTTP and gRPC (Istio routes gRPC as HTTP/2). */
export const httpPorts = (service: NormalizedService) =>
  exposedPorts(service).filter((p) => p.protocol === 'http' || p.protocol === 'grpc');

/** Whether the service gets a mesh HTTPRoute: it asks for something one says, on an HTTP or gRPC port. */
export const meshRouted = (service: NormalizedService) =>
  meshTraffic(service).http &&
  (service.timeoutMs !== undefined ||
    service.retries !== undefined ||
    service.versions.length > 0 ||
    service.routes.length > 0);

/** The mesh HTTPRoute of one HTTP port: named after the service, or `<service>-<port name>` when it has several. */
export const meshRouteName = (service: NormalizedService, portName: string) =>
  httpPorts(service).length > 1 ? `${service.name}-${portName}` : service.name;

/** An RE2 pattern matching `text` literally. */
const literal = (text: string) => text.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');

/**
 * A header or query parameter match. Gateway API has Exact and RegularExpression only: a prefix becomes the
 * expression `<prefix>.*`, which Istio matches against the whole value, as it matches a prefix.
 */
function valueMatch(name: string, match: StringMatch): object {
  if ('exact' in match) return { name, type: 'Exact', value: match.exact };
  if ('prefix' in match) return { name, type: 'RegularExpression', value: `${literal(match.prefix)}.*` };
  return { name, type: 'RegularExpression', value: match.regex };
}

/** A path match: Exact, PathPrefix (whole path segments, see the README) or RegularExpression. */
export function pathMatch(match: StringMatch): object {
  if ('exact' in match) return { type: 'Exact', value: match.exact };
  if ('prefix' in match) return { type: 'PathPrefix', value: match.prefix };
  return { type: 'RegularExpression', value: match.regex };
}

const sorted = (map: Record<string, StringMatch>) => Object.entries(map).sort(([a], [b]) => compareStrings(a, b));

/** An HTTPRouteMatch for one of our matches (its conditions AND-ed, as in Istio). */
function routeMatch(match: RouteMatch): Record<string, unknown> {
  return {
    ...(match.uri && { path: pathMatch(match.uri) }),
    ...(match.headers && { headers: sorted(match.headers).map(([name, m]) => valueMatch(name, m)) }),
    ...(match.queryParams && { queryParams: sorted(match.queryParams).map(([name, m]) => valueMatch(name, m)) }),
    ...(match.method !== undefined && { method: match.method }),
  };
}

/** A route's matches restricted by `outer` (the ingress paths): every pair AND-ed, the route's own path winning. */
function combinedMatches(route: NormalizedRoute | undefined, outer: readonly object[]): object[] {
  const own = (route?.matches ?? []).map(routeMatch);
  if (outer.length === 0) return own;
  if (own.length === 0) return [...outer];
  return outer.flatMap((o) => own.map((inner) => ({ ...o, ...inner })));
}

const backend = (name: string, port: number, weight?: number) => ({
  name,
  port,
  ...(weight !== undefined && { weight }),
});

/** The service's default backends: each version's Service with its weight, or the service itself. */
function defaultBackends(service: NormalizedService, port: number): object[] {
  if (service.versions.length === 0) return [backend(service.name, port)];
  return service.versions.map((v) => backend(versionServiceName(service.name, v.name), port, v.weight));
}

function routeBackends(service: NormalizedService, route: NormalizedRoute, port: number): object[] {
  if (route.to.length === 0) return defaultBackends(service, port);
  if (route.to.length === 1) return [backend(versionServiceName(service.name, route.to[0]!.version), port)];
  return route.to.map(({ version, weight }) => backend(versionServiceName(service.name, version), port, weight));
}

/** Istio's mirror percentage (a double) as Gateway API says it: a whole `percent`, else a `fraction` of 100·10ⁿ. */
function mirrorShare(percent: number | undefined): object {
  if (percent === undefined) return {};
  if (Number.isInteger(percent)) return { percent };
  const decimals = String(percent).split('.')[1]?.length ?? 0;
  const scale = 10 ** decimals;
  return { fraction: { numerator: Math.round(percent * scale), denominator: 100 * scale } };
}

const timeouts = (timeoutMs: number | undefined) =>
  timeoutMs === undefined ? {} : { timeouts: { request: formatDuration(timeoutMs) } };

/**
 * The HTTPRoute rules of a service on one port: its routes in order, then the default rule (version weights,
 * timeout). `outer` restricts every rule (an ingress host's paths of the service). Retries and faults are not
 * here: the preflight refuses them (Gateway API's standard channel cannot carry them).
 */
export function serviceRules(service: NormalizedService, port: number, outer: readonly object[] = []): object[] {
  return [
    ...service.routes.map((route) => {
      const matches = combinedMatches(route, outer);
      const mirror = route.mirror;
      return {
        ...(route.name !== undefined && { name: route.name }),
        ...(matches.length > 0 && { matches }),
        ...(mirror && {
          filters: [
            {
              type: 'RequestMirror',
              requestMirror: {
                backendRef: backend(versionServiceName(service.name, mirror.version), port),
                ...mirrorShare(mirror.percent),
              },
            },
          ],
        }),
        backendRefs: routeBackends(service, route, port),
        ...timeouts(route.timeoutMs),
      };
    }),
    {
      ...(outer.length > 0 && { matches: [...outer] }),
      backendRefs: defaultBackends(service, port),
      ...timeouts(service.timeoutMs),
    },
  ];
}
