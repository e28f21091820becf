import { formatDuration } from '../../spec/duration.js';
import type { SubscriptionPlan } from './topics.js';

export type RetryPlanDocument = ReturnType<typeof retryPlanDocument>;

/**
 * The retry plan a service's consumers read (the `retry-plan.json` key of its ConfigMap), documented in
 * docs/events.md. One entry per subscription, sorted by event name.
 */
export function retryPlanDocument(service: string, plans: readonly SubscriptionPlan[]) {
  return {
    service,
    subscriptions: plans.map((plan) => ({
      event: plan.event.name,
      topic: plan.event.name,
      group: plan.subscription.group,
      mode: plan.mode,
      maxDeliveries: 1 + plan.retries.length,
      jitter: plan.subscription.retry?.jitter ?? false,
      retries: plan.retries.map((step) => ({
        attempt: step.attempt,
        topic: step.topic,
        delay: formatDuration(step.delayMs),
        delayMs: step.delayMs,
      })),
      deadLetterTopic: plan.deadLetterTopic ?? null,
    })),
  };
}
