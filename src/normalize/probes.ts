import type { HttpProbe, Probe, Probes } from '../spec/schema.generated.js';
import { sortBy } from '../util/order.js';
import { seconds } from './pod.js';
import type { NormalizedPort, NormalizedProbe, NormalizedProbes } from './model.js';

/** Whole seconds of a probe timing (validate has checked it is whole seconds). */
const secondsOf = (text: string | undefined) => (text === undefined ? undefined : seconds(text));

/**
 * One probe in its object form: the short form `/path` is an HTTP GET and `grpc` a gRPC health check, on the
 * main port. The port is the container's port of that name or number (a number it does not declare stays a number).
 */
function normalizeProbe(probe: Probe, ports: readonly NormalizedPort[]): NormalizedProbe {
  const given = typeof probe === 'string' ? (probe === 'grpc' ? { grpc: true as const } : { http: probe }) : probe;
  const check: NormalizedProbe['check'] =
    'http' in given
      ? {
          http: given.http,
          headers: sortBy(Object.entries(('headers' in given && given.headers) || {}), ([name]) => name).map(
            ([name, value]) => ({ name, value }),
          ),
        }
      : 'grpc' in given
        ? { grpc: true, ...(given.service !== undefined && { service: given.service }) }
        : 'tcp' in given
          ? { tcp: true }
          : { exec: [...given.exec] };
  const wanted = 'port' in given ? given.port : undefined;
  const port =
    'exec' in check
      ? undefined
      : wanted === undefined
        ? (ports.find((p) => p.expose) ?? ports[0])
        : (ports.find((p) => (typeof wanted === 'number' ? p.port === wanted : p.name === wanted)) ?? Number(wanted));
  const timing: Pick<HttpProbe, 'initialDelay' | 'period' | 'timeout' | 'failureThreshold'> =
    typeof probe === 'string' ? {} : probe;
  const initialDelaySeconds = secondsOf(timing.initialDelay);
  const periodSeconds = secondsOf(timing.period);
  const timeoutSeconds = secondsOf(timing.timeout);
  return {
    check,
    ...(port !== undefined && { port }),
    ...(initialDelaySeconds !== undefined && { initialDelaySeconds }),
    ...(periodSeconds !== undefined && { periodSeconds }),
    ...(timeoutSeconds !== undefined && { timeoutSeconds }),
    ...(timing.failureThreshold !== undefined && { failureThreshold: timing.failureThreshold }),
  };
}

/** A container's probes against its ports (validate has checked that every probe has a port that fits it). */
export function normalizeProbes(probes: Probes | undefined, ports: readonly NormalizedPort[]): NormalizedProbes {
  const out: NormalizedProbes = {};
  for (const kind of ['readiness', 'liveness', 'startup'] as const) {
    const probe = probes?.[kind];
    if (probe !== undefined) out[kind] = normalizeProbe(probe, ports);
  }
  return out;
}
