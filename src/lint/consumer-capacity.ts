import type {
  NormalizedEvent,
  NormalizedService,
  NormalizedSubscription,
  NormalizedSystem,
} from '../normalize/model.js';
import type { ResolvedSystem } from '../resolve/resolve.js';

/** A subscription whose event has `rate.peak` and whose consumers have `throughput.perReplica`. */
export interface MeasuredSubscription {
  service: NormalizedService;
  subscription: NormalizedSubscription;
  event: NormalizedEvent;
  peak: number;
  perReplica: number;
}

/** Every subscription the capacity model can judge. */
export function measuredSubscriptions(resolved: ResolvedSystem): MeasuredSubscription[] {
  return resolved.system.services.flatMap((service) =>
    service.subscribes.flatMap((subscription) => {
      const event = resolved.event(subscription.event)!;
      const { perReplica } = subscription;
      return event.peakRate !== undefined && perReplica !== undefined
        ? [{ service, subscription, event, peak: event.peakRate, perReplica }]
        : [];
    }),
  );
}

/**
 * The events per second a group consumes with `replicas` per Deployment: on Kafka only one consumer per partition
 * works, so min(partitions, replicas × Deployments) consumers; on JetStream every replica pulls. `how` shows it.
 */
export function groupThroughput(
  system: NormalizedSystem,
  m: MeasuredSubscription,
  replicas: number,
): { rate: number; how: string } {
  const deployments = Math.max(1, m.service.versions.length);
  const pods = replicas * deployments;
  const podsText =
    deployments > 1
      ? `${replicas} replicas × ${deployments} versions`
      : `${replicas} replica${replicas === 1 ? '' : 's'}`;
  const consumers = system.broker.kind === 'kafka' ? Math.min(m.event.partitions, pods) : pods;
  const count = system.broker.kind === 'kafka' ? `min(${m.event.partitions} partitions, ${podsText})` : podsText;
  const rate = consumers * m.perReplica;
  return { rate, how: `${count} × ${formatRate(m.perReplica)}/s = ${formatRate(rate)}/s` };
}

/** Rates print with at most two decimals, without trailing zeros. */
export const formatRate = (rate: number) => String(Math.round(rate * 100) / 100);
