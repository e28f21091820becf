import type {
  NormalizedCircuitBreaker,
  NormalizedOutlierDetection,
  NormalizedService,
  NormalizedSystem,
} from '../../normalize/model.js';
import { meshTraffic } from '../../normalize/ports.js';
import { formatDuration, parseDuration } from '../../spec/duration.js';
import type { DestinationRuleContext } from '../contexts.js';
import { serviceLabels } from '../kubernetes/labels.js';

const simpleLoadBalancers = {
  'round-robin': 'ROUND_ROBIN',
  'least-request': 'LEAST_REQUEST',
  random: 'RANDOM',
} as const;

function loadBalancer(service: NormalizedService): Record<string, unknown> | undefined {
  const lb = service.loadBalancer;
  const failover =
    service.failover.length > 0 ? { localityLbSetting: { enabled: true, failover: service.failover } } : undefined;
  if (lb === undefined) return failover;
  if (typeof lb === 'string') return { simple: simpleLoadBalancers[lb], ...failover };
  const hash = lb.consistentHash;
  const consistentHash =
    hash.header !== undefined
      ? { httpHeaderName: hash.header }
      : hash.cookie !== undefined
        ? { httpCookie: httpCookie(hash.cookie) }
        : { useSourceIp: true };
  return { consistentHash, ...failover };
}

type Cookie = NonNullable<Extract<NonNullable<NormalizedService['loadBalancer']>, object>['consistentHash']['cookie']>;

/** Envoy generates the hash cookie for a request without one only when a ttl is set: always set one (0s = a session cookie). */
function httpCookie(cookie: Cookie): Record<string, unknown> {
  const { name, ttl, path } = typeof cookie === 'string' ? { name: cookie, ttl: undefined, path: undefined } : cookie;
  return {
    name,
    ...(path !== undefined && { path }),
    ttl: formatDuration(ttl === undefined ? 0 : parseDuration(ttl)!),
  };
}

/** Connection limits of a circuit breaker; the pending-requests limit applies to HTTP traffic only. */
export function connectionPool(
  breaker: NormalizedCircuitBreaker | undefined,
  http: boolean,
): Record<string, unknown> | undefined {
  const { maxConnections, maxPendingRequests } = breaker ?? {};
  if (maxConnections === undefined && maxPendingRequests === undefined) return undefined;
  return {
    ...(maxConnections !== undefined && { tcp: { maxConnections } }),
    ...(maxPendingRequests !== undefined && http && { http: { http1MaxPendingRequests: maxPendingRequests } }),
  };
}

/** Istio's outlierDetection for a circuit breaker (normalize gives a locality failover Istio's defaults, as Istio ignores failover without it). */
export function outlierDetection(breaker: NormalizedOutlierDetection | undefined): Record<string, unknown> | undefined {
  if (!breaker) return undefined;
  return {
    consecutive5xxErrors: breaker.consecutiveErrors,
    interval: formatDuration(breaker.intervalMs),
    baseEjectionTime: formatDuration(breaker.baseEjectionTimeMs),
    maxEjectionPercent: breaker.maxEjectionPercent,
  };
}

/** Template context of `destinationrule.yaml.hbs`, or null when there is no traffic policy and no subset to declare. */
export function destinationRuleContext(
  system: NormalizedSystem,
  service: NormalizedService,
): DestinationRuleContext | null {
  const traffic = meshTraffic(service);
  // Nothing reaches a worker or a UDP-only service through Envoy, so no policy applies.
  if (!traffic.http && !traffic.tcp) return null;
  // Locality failover is ignored by Istio without outlier detection, so failover brings it along.
  const parts = {
    loadBalancer: loadBalancer(service),
    connectionPool: connectionPool(service.circuitBreaker, traffic.http),
    outlierDetection: outlierDetection(service.outlierDetection),
  };
  const policy = Object.fromEntries(Object.entries(parts).filter(([, value]) => value !== undefined));
  const subsets = service.versions.map((v) => ({ name: v.name, labels: { version: v.name } }));
  const hasPolicy = Object.keys(policy).length > 0;
  if (!hasPolicy && subsets.length === 0) return null;
  return {
    name: service.name,
    namespace: system.namespace,
    labels: serviceLabels(system, service),
    host: service.name,
    trafficPolicy: hasPolicy ? policy : null,
    subsets: subsets.length > 0 ? subsets : null,
  };
}
