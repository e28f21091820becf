import type { NormalizedRetries, NormalizedRoute, NormalizedService } from '../../normalize/model.js';
import type { RouteMatch } from '../../spec/schema.generated.js';
import { formatDuration } from '../../spec/duration.js';

/** Istio's HTTPMatchRequest for one of our matches: the same fields, except that `method` is a StringMatch. */
function istioMatch(match: RouteMatch): object {
  const { method, ...rest } = match;
  return { ...rest, ...(method !== undefined && { method: { exact: method } }) };
}

/** A destination: the service (at `port`, when given), or one of its version subsets. */
const destination = (service: NormalizedService, subset?: string, port?: number) => ({
  host: service.name,
  ...(subset !== undefined && { subset }),
  ...(port !== undefined && { port: { number: port } }),
});

/** The service's default destinations: its version subsets with their weights, or the host itself. */
export function defaultDestinations(service: NormalizedService, port?: number): object[] {
  if (service.versions.length === 0) return [{ destination: destination(service, undefined, port) }];
  return service.versions.map((v) => ({ destination: destination(service, v.name, port), weight: v.weight }));
}

function destinations(service: NormalizedService, route: NormalizedRoute, port?: number): object[] {
  if (route.to.length === 0) return defaultDestinations(service, port);
  if (route.to.length === 1) return [{ destination: destination(service, route.to[0]!.version, port) }];
  return route.to.map(({ version, weight }) => ({ destination: destination(service, version, port), weight }));
}

/** Only what the spec set: no `retries` block when none were given (Istio then retries twice by itself). */
export function timeoutAndRetries(timeoutMs: number | undefined, retries: NormalizedRetries | undefined): object {
  return {
    ...(timeoutMs !== undefined && { timeout: formatDuration(timeoutMs) }),
    ...(retries && {
      retries: {
        attempts: retries.attempts,
        ...(retries.perTryTimeoutMs !== undefined && { perTryTimeout: formatDuration(retries.perTryTimeoutMs) }),
        ...(retries.on && { retryOn: retries.on.join(',') }),
      },
    }),
  };
}

function fault(route: NormalizedRoute): object | undefined {
  const { delay, abort } = route.fault ?? {};
  if (!delay && !abort) return undefined;
  return {
    ...(delay && { delay: { fixedDelay: formatDuration(delay.fixedMs), percentage: { value: delay.percent } } }),
    ...(abort && { abort: { httpStatus: abort.status, percentage: { value: abort.percent } } }),
  };
}

/** One Istio HTTPRoute per spec route. `matches` (AND-combined with the route's own) narrow it further, e.g. to ingress paths. */
function istioRoute(
  service: NormalizedService,
  route: NormalizedRoute,
  matches: readonly object[],
  port?: number,
): object {
  const own = route.matches.map(istioMatch);
  const combined =
    matches.length === 0
      ? own
      : own.length === 0
        ? matches
        : matches.flatMap((outer) => own.map((inner) => ({ ...outer, ...inner })));
  const injected = fault(route);
  return {
    ...(route.name !== undefined && { name: route.name }),
    ...(combined.length > 0 && { match: combined }),
    route: destinations(service, route, port),
    ...timeoutAndRetries(route.timeoutMs, route.retries),
    ...(injected && { fault: injected }),
    ...(route.mirror && { mirror: { host: service.name, subset: route.mirror.version } }),
    ...(route.mirror?.percent !== undefined && { mirrorPercentage: { value: route.mirror.percent } }),
  };
}

/**
 * The `http` list of a service's VirtualService: its routes in order, then the default route (version weights,
 * timeout, retries). `matches` restricts every entry (the ingress paths of a gateway-bound VirtualService), and
 * `port` names the destination port (which a gateway-bound VirtualService states, as the gateway is not the caller).
 */
export function httpRoutes(service: NormalizedService, matches: readonly object[] = [], port?: number): object[] {
  return [
    ...service.routes.map((route) => istioRoute(service, route, matches, port)),
    {
      ...(matches.length > 0 && { match: [...matches] }),
      route: defaultDestinations(service, port),
      ...timeoutAndRetries(service.timeoutMs, service.retries),
    },
  ];
}
