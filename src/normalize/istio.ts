import { DEFAULTS } from './defaults.js';
import type { NormalizedOutlierDetection, NormalizedRetries, NormalizedService } from './model.js';
import { meshTraffic } from './ports.js';

/**
 * The retries Istio applies to requests to the service. Istio retries only HTTP and gRPC routes: a service
 * without an exposed HTTP or gRPC port gets none. Any other service without `retries` gets Istio's implicit ones.
 */
export function istioRetries(service: Pick<NormalizedService, 'ports' | 'sidecars' | 'retries'>): NormalizedRetries {
  if (!meshTraffic(service).http) return { attempts: 0 };
  return service.retries ?? { attempts: DEFAULTS.istioImplicitRetries };
}

/** The circuit breaker's ejection settings; Istio's defaults with a locality failover and no circuit breaker, as Istio ignores failover without them. */
export function outlierDetection(service: Pick<NormalizedService, 'circuitBreaker' | 'failover'>): NormalizedOutlierDetection | undefined {
  const breaker = service.circuitBreaker;
  if (breaker === undefined) return service.failover.length > 0 ? { ...DEFAULTS.istioOutlierDetection } : undefined;
  const { consecutiveErrors, intervalMs, baseEjectionTimeMs, maxEjectionPercent } = breaker;
  return { consecutiveErrors, intervalMs, baseEjectionTimeMs, maxEjectionPercent };
}
