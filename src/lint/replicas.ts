import type { NormalizedPolicy, NormalizedService } from '../normalize/model.js';
import { tierPolicy } from './tiers.js';

/** The replicas a service is guaranteed to run: its autoscaler's minimum when autoscaling (on lag or CPU), else its replicas. */
export const minReplicas = (s: NormalizedService): number => s.lagAutoscale?.min ?? s.autoscale?.min ?? s.replicas;

/** The most replicas a service can run: its autoscaler's maximum when autoscaling (on lag or CPU), else its replicas. */
export const maxReplicas = (s: NormalizedService): number => s.lagAutoscale?.max ?? s.autoscale?.max ?? s.replicas;

/** Where the replica count comes from: the `autoscale` block when autoscaling, else `replicas`. */
export const replicasOrigin = (s: NormalizedService): string =>
  s.lagAutoscale?.path ?? (s.autoscale ? s.origin.autoscale : s.origin.replicas);

/** `3 replicas` or `3 replicas (autoscale.min)`. */
export const describeReplicas = (count: number, s: NormalizedService, bound: 'min' | 'max' = 'min'): string =>
  `${count} replica${count === 1 ? '' : 's'}${s.autoscale || s.lagAutoscale ? ` (autoscale.${bound})` : ''}`;

/**
 * What losing one zone costs a service running `replicas`: replicas spread evenly over its zones (those in
 * `zones`, else its tier's minZones) lose ceil(replicas / zones); without `spread: zone` one zone may hold them all.
 */
export function zoneLoss(
  zonesDeclared: readonly string[],
  policy: NormalizedPolicy,
  s: NormalizedService,
  replicas: number,
) {
  const zones = s.spread === 'zone' ? Math.max(1, zonesDeclared.length || tierPolicy(policy, s).minZones) : 1;
  return { zones, lost: Math.ceil(replicas / zones) };
}
