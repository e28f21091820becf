import type { Tier } from '../spec/schema.generated.js';
import type { NormalizedPolicy, NormalizedService } from '../normalize/model.js';
import { meshTraffic } from '../normalize/ports.js';
import { formatDuration } from '../spec/duration.js';

/** The replicas a service is guaranteed to run: its autoscaler's minimum when autoscaling (on lag or CPU), else its replicas. */
export const minReplicas = (s: NormalizedService): number => s.lagAutoscale?.min ?? s.autoscale?.min ?? s.replicas;

/** The most replicas a service can run: its autoscaler's maximum when autoscaling (on lag or CPU), else its replicas. */
export const maxReplicas = (s: NormalizedService): number => s.lagAutoscale?.max ?? s.autoscale?.max ?? s.replicas;

/** Where the replica count comes from: the `autoscale` block when autoscaling, else `replicas`. */
export const replicasOrigin = (s: NormalizedService): string => s.lagAutoscale?.path ?? (s.autoscale ? s.origin.autoscale : s.origin.replicas);

/** `3 replicas` or `3 replicas (autoscale.min)`. */
export const describeReplicas = (count: number, s: NormalizedService, bound: 'min' | 'max' = 'min'): string =>
  `${count} replica${count === 1 ? '' : 's'}${s.autoscale || s.lagAutoscale ? ` (autoscale.${bound})` : ''}`;

export const tierPolicy = (policy: NormalizedPolicy, s: NormalizedService) => policy.tiers[s.tier];

/**
 * What losing one zone costs a service running `replicas`: replicas spread evenly over its zones (those in
 * `zones`, else its tier's minZones) lose ceil(replicas / zones); without `spread: zone` one zone may hold them all.
 */
export function zoneLoss(zonesDeclared: readonly string[], policy: NormalizedPolicy, s: NormalizedService, replicas: number) {
  const zones = s.spread === 'zone' ? Math.max(1, zonesDeclared.length || tierPolicy(policy, s).minZones) : 1;
  return { zones, lost: Math.ceil(replicas / zones) };
}

/** Istio retries a route twice when it sets no `retries`; `attempts: 0` turns that off. */
export const ISTIO_IMPLICIT_RETRIES = 2;

/** What Istio applies to a request to the service: its retries (and per-try timeout) and its route timeout. */
export interface IstioRoute {
  attempts: number;
  perTryTimeoutMs?: number;
  timeoutMs?: number;
}

/**
 * The retries and timeout Istio applies to calls to the service. Istio retries and times out only HTTP and
 * gRPC routes: a service without an exposed HTTP or gRPC port gets neither. Any other service without `retries` gets Istio's implicit retries.
 */
export function istioRoute(s: NormalizedService): IstioRoute {
  if (!meshTraffic(s).http) return { attempts: 0 };
  const { attempts, perTryTimeoutMs } = s.retries ?? { attempts: ISTIO_IMPLICIT_RETRIES };
  return {
    attempts,
    ...(perTryTimeoutMs !== undefined && { perTryTimeoutMs }),
    ...(s.timeoutMs !== undefined && { timeoutMs: s.timeoutMs }),
  };
}

/** Tries per request to the service: the first one plus the retries Istio makes. */
export const tries = (s: NormalizedService): number => 1 + istioRoute(s).attempts;

/** The longest a call to the service can take, and why; undefined when neither a timeout nor a per-try timeout bounds it. */
export function worstCase(s: NormalizedService): { ms: number; how: string } | undefined {
  const { perTryTimeoutMs: perTry, timeoutMs } = istioRoute(s);
  const retried = perTry === undefined ? undefined : { ms: tries(s) * perTry, how: `${tries(s)} tries × ${formatDuration(perTry)}` };
  if (timeoutMs === undefined) return retried;
  if (retried === undefined || timeoutMs < retried.ms) return { ms: timeoutMs, how: `its timeout` };
  return retried;
}

const tierRank: Record<Tier, number> = { 'best-effort': 0, standard: 1, critical: 2 };

/** The most demanding of the given tiers, or undefined for none. */
export function highestTier(tiers: Iterable<Tier>): Tier | undefined {
  let best: Tier | undefined;
  for (const tier of tiers) if (best === undefined || tierRank[tier] > tierRank[best]) best = tier;
  return best;
}

/** `'a', 'b' and 'c'`. */
export function listNames(names: readonly string[]): string {
  const quoted = names.map((n) => `'${n}'`);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}
