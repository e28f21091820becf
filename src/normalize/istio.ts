import { DEFAULTS } from './defaults.js';
import type { NormalizedExternal, NormalizedOutlierDetection, NormalizedRetries, NormalizedService } from './model.js';
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
export function outlierDetection(
  service: Pick<NormalizedService, 'circuitBreaker' | 'failover'>,
): NormalizedOutlierDetection | undefined {
  const breaker = service.circuitBreaker;
  if (breaker === undefined) return service.failover.length > 0 ? { ...DEFAULTS.istioOutlierDetection } : undefined;
  const { consecutiveErrors, intervalMs, baseEjectionTimeMs, maxEjectionPercent } = breaker;
  return { consecutiveErrors, intervalMs, baseEjectionTimeMs, maxEjectionPercent };
}

/** Whether Istio reads an external's requests on some port (http, grpc): only then can it retry and time them out. */
export const externalHttp = (external: Pick<NormalizedExternal, 'ports'>) =>
  external.ports.some((p) => p.protocol === 'http' || p.protocol === 'grpc');

/** The retries Istio applies to requests to an external: as to a service, on its http and grpc ports only. */
export function externalIstioRetries(external: Pick<NormalizedExternal, 'ports' | 'retries'>): NormalizedRetries {
  if (!externalHttp(external)) return { attempts: 0 };
  return external.retries ?? { attempts: DEFAULTS.istioImplicitRetries };
}
