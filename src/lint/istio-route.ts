import { externalHttp } from '../normalize/istio.js';
import { meshTraffic } from '../normalize/ports.js';
import { isExternal, type CallTarget } from '../resolve/resolve.js';
import { formatDuration } from '../spec/duration.js';

/** What Istio applies to a request to the service: its retries (and per-try timeout) and its route timeout. */
export interface IstioRoute {
  attempts: number;
  perTryTimeoutMs?: number;
  timeoutMs?: number;
}

/**
 * The retries and timeout Istio applies to calls to a service or an external (its `istioRetries`, from normalize).
 * Istio retries and times out only HTTP and gRPC routes: a service without an exposed HTTP or gRPC port, or an
 * external without an http or grpc port (https, tls and tcp pass through unread), gets neither.
 */
export function istioRoute(s: CallTarget): IstioRoute {
  if (!(isExternal(s) ? externalHttp(s) : meshTraffic(s).http)) return { attempts: 0 };
  const { attempts, perTryTimeoutMs } = s.istioRetries;
  return {
    attempts,
    ...(perTryTimeoutMs !== undefined && { perTryTimeoutMs }),
    ...(s.timeoutMs !== undefined && { timeoutMs: s.timeoutMs }),
  };
}

/** Where a service's or an external's retries are set (an external without them: the external itself). */
export const retriesOrigin = (s: CallTarget): string =>
  isExternal(s) ? (s.retries ? `${s.path}/retries` : s.path) : s.origin.retries;

/** Tries per request to the service: the first one plus the retries Istio makes. */
export const tries = (s: CallTarget): number => 1 + istioRoute(s).attempts;

/** The longest a call to the service can take, and why; undefined when neither a timeout nor a per-try timeout bounds it. */
export function worstCase(s: CallTarget): { ms: number; how: string } | undefined {
  const { perTryTimeoutMs: perTry, timeoutMs } = istioRoute(s);
  const retried =
    perTry === undefined ? undefined : { ms: tries(s) * perTry, how: `${tries(s)} tries × ${formatDuration(perTry)}` };
  if (timeoutMs === undefined) return retried;
  if (retried === undefined || timeoutMs < retried.ms) return { ms: timeoutMs, how: `its timeout` };
  return retried;
}
