import type { NormalizedEvent, NormalizedService, NormalizedSubscription } from '../../normalize/model.js';
import type { ResolvedSystem } from '../../resolve/resolve.js';
import { retryDelays } from '../../normalize/retry-schedule.js';
import { sortBy } from '../../util/order.js';

/** One Kafka topic hamesh creates: an event's topic, or a consumer group's retry or dead-letter topic. */
export interface TopicPlan {
  name: string;
  role: 'event' | 'retry' | 'dead-letter';
  /** The event whose partitions, replication and min.insync.replicas the topic gets. */
  event: NormalizedEvent;
  /** JSON Pointer of the spec entry that produced the topic (for findings). */
  path: string;
}

export interface RetryStep {
  /** 1 for the first redelivery. */
  attempt: number;
  topic: string;
  delayMs: number;
}

/** How one consumer group of one event retries. */
export interface SubscriptionPlan {
  service: NormalizedService;
  subscription: NormalizedSubscription;
  event: NormalizedEvent;
  /**
   * `non-blocking`: failed records move to delay topics, so later records are not held up (order is lost
   * for them, which the `ordered-retry` lint rule reports for `ordered` subscriptions). `none`: no retry policy.
   */
  mode: 'non-blocking' | 'none';
  retries: RetryStep[];
  deadLetterTopic?: string;
}

const retryTopicName = (event: string, group: string, index: number) => `${event}.${group}.retry-${index}`;
const deadLetterTopicName = (event: string, group: string) => `${event}.${group}.dlt`;

/**
 * Every subscription's retry plan. Non-blocking retries get one delay topic per distinct delay, named after
 * the first attempt that uses it: fixed backoff shares `retry-1`, and exponential attempts capped at
 * `maxDelay` share the topic of the first capped attempt.
 */
export function planSubscriptions(resolved: ResolvedSystem): SubscriptionPlan[] {
  return resolved.system.services.flatMap((service) =>
    service.subscribes.map((subscription) => {
      const event = resolved.event(subscription.event)!;
      const { group, retry } = subscription;
      const mode = retry ? 'non-blocking' : 'none';
      const topicByDelay = new Map<number, string>();
      const retries = (retry ? retryDelays(retry) : []).map((delayMs, index) => {
        let topic = topicByDelay.get(delayMs);
        if (topic === undefined) {
          topic = retryTopicName(event.name, group, index + 1);
          topicByDelay.set(delayMs, topic);
        }
        return { attempt: index + 1, topic, delayMs };
      });
      return {
        service,
        subscription,
        event,
        mode,
        retries,
        ...(subscription.deadLetter && { deadLetterTopic: deadLetterTopicName(event.name, group) }),
      };
    }),
  );
}

/** Every topic to create, sorted by name: each event's topic plus the retry and dead-letter topics. */
export function planTopics(resolved: ResolvedSystem, subscriptions: readonly SubscriptionPlan[]): TopicPlan[] {
  const topics: TopicPlan[] = resolved.system.events.map((event) => ({
    name: event.name,
    role: 'event',
    event,
    path: event.path,
  }));
  for (const plan of subscriptions) {
    const retryTopics = new Set(plan.retries.map((step) => step.topic));
    for (const name of retryTopics)
      topics.push({ name, role: 'retry', event: plan.event, path: `${plan.subscription.path}/retry` });
    if (plan.deadLetterTopic) {
      topics.push({
        name: plan.deadLetterTopic,
        role: 'dead-letter',
        event: plan.event,
        path: `${plan.subscription.path}/deadLetter`,
      });
    }
  }
  return sortBy(topics, (topic) => topic.name);
}
