import type { NormalizedEvent, NormalizedService } from '../../normalize/model.js';
import type { ResolvedSystem } from '../../resolve/resolve.js';
import { retryDelays } from '../../normalize/retry-schedule.js';
import { consumerName, deadLetterStreamName, maxDeliveriesSubject, streamName } from './names.js';

/** Values of one StreamConfig (durations in milliseconds; the templates get nanoseconds). */
export interface StreamPlan {
  name: string;
  description: string;
  subjects: string[];
  replicas: number;
  maxAgeMs: number;
  duplicateWindowMs: number;
  event: NormalizedEvent;
  /** JSON Pointer of the spec entry that produced it. */
  path: string;
}

/** Values of one durable pull ConsumerConfig. */
export interface ConsumerPlan {
  /** The subscribing service. */
  service: NormalizedService;
  stream: string;
  name: string;
  description: string;
  ackWaitMs: number;
  /** -1: redeliver until acknowledged. */
  maxDeliver: number;
  backoffMs: number[];
  maxAckPending: number;
  path: string;
}

export interface JetStreamPlan {
  streams: StreamPlan[];
  consumers: ConsumerPlan[];
}

/**
 * One stream per event and one durable consumer per subscription; for every event with dead-letter
 * consumers, one more stream capturing their max-deliveries advisories (JetStream has no dead-letter stream).
 */
export function planJetStream(resolved: ResolvedSystem): JetStreamPlan {
  const streams: StreamPlan[] = [];
  const consumers: ConsumerPlan[] = [];
  const stream = (name: string, description: string, subjects: string[], event: NormalizedEvent, path: string) =>
    streams.push({
      name,
      description,
      subjects,
      replicas: event.replication,
      maxAgeMs: event.retentionMs,
      duplicateWindowMs: event.duplicateWindowMs,
      event,
      path,
    });

  for (const event of resolved.system.events) {
    const name = streamName(event.name);
    stream(name, `Event ${event.name} of system ${resolved.system.name}`, [event.name], event, event.path);
    const deadLetterSubjects: string[] = [];
    for (const { service, subscription } of resolved.subscribers(event.name)) {
      const consumer = consumerName(subscription.group);
      const backoffMs = subscription.retry ? retryDelays(subscription.retry) : [];
      consumers.push({
        service,
        stream: name,
        name: consumer,
        description: `${service.name} consuming ${event.name} as group ${subscription.group}`,
        ackWaitMs: subscription.ackWaitMs,
        maxDeliver: subscription.retry ? 1 + subscription.retry.attempts : subscription.deadLetter ? 1 : -1,
        backoffMs,
        maxAckPending: subscription.maxAckPending,
        path: subscription.path,
      });
      if (subscription.deadLetter) deadLetterSubjects.push(maxDeliveriesSubject(name, consumer));
    }
    if (deadLetterSubjects.length > 0) {
      stream(
        deadLetterStreamName(name),
        `Max-deliveries advisories (dead letters) of ${event.name}`,
        deadLetterSubjects,
        event,
        event.path,
      );
    }
  }
  return { streams, consumers };
}
