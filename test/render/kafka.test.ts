import { describe, expect, it } from 'vitest';
import type { RenderedDocument } from '../../src/render/target.js';
import { kafkaVerifiers } from '../../src/verify/kafka.js';
import { render, target } from '../helpers/render.js';
import { resolveFile, shopExample, shopWithNats, specFile } from '../helpers/spec.js';

const verifyKafkaTopic = await kafkaVerifiers[0]!.load();
const topics = (documents: RenderedDocument[]) => documents.filter((d) => d.value.kind === 'KafkaTopic');
const topicNames = (documents: RenderedDocument[]) =>
  topics(documents).map((d) => (d.value.spec as { topicName: string }).topicName);
const retryPlan = (documents: RenderedDocument[], service: string) => {
  const configMap = documents.find((d) => d.file === `manifests/services/${service}/retry-plan.yaml`)!;
  return JSON.parse((configMap.value.data as Record<string, string>)['retry-plan.json']!) as {
    service: string;
    subscriptions: Array<
      Record<string, unknown> & { retries: Array<{ attempt: number; topic: string; delayMs: number }> }
    >;
  };
};

/** A one-event system in YAML with the given extra event/subscription lines. */
function miniSpec(events: string, subscribes: string): string {
  return specFile(
    [
      'apiVersion: hamesh.dev/v1',
      'kind: System',
      'metadata: { name: mini }',
      'services:',
      `  worker: { image: "worker:1", subscribes: ${subscribes} }`,
      `events: ${events}`,
    ].join('\n'),
    'system.yaml',
  );
}

describe('kafka target', () => {
  it('emits kafka.strimzi.io/v1 KafkaTopics, or v1beta2 for older operators when broker.topicApiVersion says so', async () => {
    const versions = async (broker: string) => {
      const file = specFile(
        `apiVersion: hamesh.dev/v1\nkind: System\nmetadata: { name: v }\n${broker}services: { web: { image: "web:1", publishes: [a.b] } }\nevents: { a.b: {} }\n`,
        'versions.yaml',
      );
      return [...new Set(topics(render(await resolveFile(file), 'kafka')).map((d) => d.value.apiVersion))];
    };
    expect(await versions('')).toEqual(['kafka.strimzi.io/v1']);
    expect(await versions('broker: { topicApiVersion: kafka.strimzi.io/v1beta2 }\n')).toEqual([
      'kafka.strimzi.io/v1beta2',
    ]);
  });

  it('is the default broker target when the system has events', async () => {
    expect(target('kafka').byDefault(await resolveFile(shopExample))).toBe(true);
    expect(target('kafka').byDefault(await resolveFile(shopWithNats()))).toBe(false);
    const quiet = specFile(
      'apiVersion: hamesh.dev/v1\nkind: System\nmetadata: { name: quiet }\nservices: { web: { image: "web:1" } }\n',
      'quiet.yaml',
    );
    expect(target('kafka').byDefault(await resolveFile(quiet))).toBe(false);
  });

  it('builds the shop example: event, retry and dead-letter topics, all valid Strimzi v1 KafkaTopics', async () => {
    const resolved = await resolveFile(shopExample);
    expect(target('kafka').preflight!(resolved)).toEqual([]);
    const documents = render(resolved, 'kafka');
    expect(topicNames(documents)).toEqual([
      'inventory.reserved',
      'inventory.reserved.shipping.dlt',
      'inventory.reserved.shipping.retry-1',
      'order.created',
      'order.created.inventory.dlt',
      'order.created.inventory.retry-1',
      'order.created.inventory.retry-2',
      'order.created.inventory.retry-3',
      'order.shipped',
      'order.shipped.notifications-email.dlt',
      'order.shipped.notifications-email.retry-1',
      'order.shipped.notifications-email.retry-2',
      'order.shipped.notifications-email.retry-3',
      'order.shipped.notifications-email.retry-4',
      'order.shipped.notifications-email.retry-5',
      'payment.completed',
      'payment.completed.shipping.dlt',
      'payment.completed.shipping.retry-1',
    ]);
    for (const topic of topics(documents)) {
      expect(topic).toMatchObject({ target: 'kafka', kind: 'manifest', file: 'manifests/kafka/topics.yaml' });
      expect(verifyKafkaTopic(topic.value)).toEqual([]);
    }
    // Retry and dead-letter topics get the event's partitions, replication and min.insync.replicas, never broker defaults.
    const dlt = topics(documents).find(
      (d) => (d.value.metadata as { name: string }).name === 'order-shipped-notifications-email-dlt',
    )!;
    expect(dlt.value).toEqual({
      apiVersion: 'kafka.strimzi.io/v1',
      kind: 'KafkaTopic',
      metadata: {
        name: 'order-shipped-notifications-email-dlt',
        // The Kafka cluster's namespace (broker.namespace), where Strimzi's Topic Operator looks.
        namespace: 'kafka',
        labels: {
          'strimzi.io/cluster': 'events',
          'app.kubernetes.io/part-of': 'shop',
          'app.kubernetes.io/managed-by': 'hamesh',
        },
      },
      spec: {
        topicName: 'order.shipped.notifications-email.dlt',
        partitions: 3,
        replicas: 3,
        config: { 'cleanup.policy': 'delete', 'min.insync.replicas': 2, 'retention.ms': 14 * 86_400_000 },
      },
    });
  });

  it('writes a retry plan per subscribing service: attempt, topic and delay', async () => {
    const documents = render(await resolveFile(shopExample), 'kafka');
    expect(documents.filter((d) => d.value.kind === 'ConfigMap').map((d) => d.file)).toEqual([
      'manifests/services/inventory/retry-plan.yaml',
      'manifests/services/notifications/retry-plan.yaml',
      'manifests/services/shipping/retry-plan.yaml',
    ]);
    expect(retryPlan(documents, 'inventory')).toEqual({
      service: 'inventory',
      subscriptions: [
        {
          event: 'order.created',
          topic: 'order.created',
          group: 'inventory',
          mode: 'non-blocking',
          maxDeliveries: 4,
          jitter: true,
          retries: [
            { attempt: 1, topic: 'order.created.inventory.retry-1', delay: '1s', delayMs: 1000 },
            { attempt: 2, topic: 'order.created.inventory.retry-2', delay: '2s', delayMs: 2000 },
            { attempt: 3, topic: 'order.created.inventory.retry-3', delay: '4s', delayMs: 4000 },
          ],
          deadLetterTopic: 'order.created.inventory.dlt',
        },
      ],
    });
    // Fixed backoff shares one retry topic.
    const shipping = retryPlan(documents, 'shipping').subscriptions[0]!;
    expect(shipping.retries.map((r) => [r.topic, r.delayMs])).toEqual([
      ['inventory.reserved.shipping.retry-1', 5000],
      ['inventory.reserved.shipping.retry-1', 5000],
    ]);
    // No retry policy: one delivery, no retry or dead-letter topic.
    expect(retryPlan(documents, 'notifications').subscriptions[0]).toMatchObject({
      group: 'notifications',
      mode: 'none',
      maxDeliveries: 1,
      retries: [],
      deadLetterTopic: null,
    });
  });

  it('shares the topic of attempts capped at maxDelay, and retries ordered subscriptions in place', async () => {
    const capped = render(
      await resolveFile(
        miniSpec(
          '{ job.done: {} }',
          '{ job.done: { retry: { attempts: 5, backoff: exponential, delay: 1s, maxDelay: 4s } } }',
        ),
      ),
      'kafka',
    );
    expect(retryPlan(capped, 'worker').subscriptions[0]!.retries.map((r) => [r.attempt, r.topic, r.delayMs])).toEqual([
      [1, 'job.done.worker.retry-1', 1000],
      [2, 'job.done.worker.retry-2', 2000],
      [3, 'job.done.worker.retry-3', 4000],
      [4, 'job.done.worker.retry-3', 4000],
      [5, 'job.done.worker.retry-3', 4000],
    ]);
    expect(topicNames(capped)).toEqual([
      'job.done',
      'job.done.worker.retry-1',
      'job.done.worker.retry-2',
      'job.done.worker.retry-3',
    ]);

    const ordered = render(
      await resolveFile(
        miniSpec(
          '{ job.done: { compacted: true } }',
          '{ job.done: { ordered: true, deadLetter: true, retry: { attempts: 2, backoff: fixed, delay: 1s } } }',
        ),
      ),
      'kafka',
    );
    // An ordered subscription retries through retry topics like any other (the ordered-retry lint rule warns).
    expect(retryPlan(ordered, 'worker').subscriptions[0]).toMatchObject({
      mode: 'non-blocking',
      retries: [{ topic: 'job.done.worker.retry-1' }, { topic: 'job.done.worker.retry-1' }],
    });
    expect(topicNames(ordered)).toEqual(['job.done', 'job.done.worker.dlt', 'job.done.worker.retry-1']);
    // A compacted event's topic is compacted; its retry and dead-letter topics are not (they would drop failed records).
    expect(
      topics(ordered).map((d) => (d.value.spec as { config: Record<string, unknown> }).config['cleanup.policy']),
    ).toEqual(['compact', 'delete', 'delete']);
  });

  it('reports topic names Kafka would reject and topics that collide', async () => {
    const long = `e${'x'.repeat(198)}`;
    const tooLong = await resolveFile(
      miniSpec(`{ ${long}: {} }`, `{ ${long}: { group: g${'y'.repeat(60)}, deadLetter: true } }`),
    );
    expect(target('kafka').preflight!(tooLong)).toEqual([
      {
        rule: 'topic-name',
        severity: 'error',
        path: `/services/worker/subscribes/${long}/deadLetter`,
        message: `dead-letter topic '${long}.g${'y'.repeat(60)}.dlt' is 265 characters long; Kafka allows at most 249; shorten or rename the event or consumer group`,
      },
    ]);

    const clash = await resolveFile(
      miniSpec('{ job.done: {}, job-done: {}, job.done.worker.dlt: {} }', '{ job.done: { deadLetter: true } }'),
    );
    expect(target('kafka').preflight!(clash).map((d) => [d.rule, d.path, d.message])).toEqual([
      [
        'topic-name',
        '/events/job.done',
        "topic 'job.done' maps to the same KafkaTopic name 'job-done' as topic 'job-done' (from /events/job-done); rename the event or consumer group",
      ],
      [
        'topic-name',
        '/services/worker/subscribes/job.done/deadLetter',
        "dead-letter topic 'job.done.worker.dlt' is the same topic as topic 'job.done.worker.dlt' (from /events/job.done.worker.dlt); rename the event or consumer group",
      ],
    ]);
  });
});

describe('Strimzi KafkaTopic schema check', () => {
  const valid = {
    apiVersion: 'kafka.strimzi.io/v1',
    kind: 'KafkaTopic',
    metadata: { name: 'orders', namespace: 'shop', labels: { 'strimzi.io/cluster': 'events' } },
    spec: {
      topicName: 'orders',
      partitions: 3,
      replicas: 3,
      config: { 'retention.ms': 1000, 'cleanup.policy': ['compact', 'delete'] },
    },
  };
  /** The pointers of the problems found after setting `path` (keys from the root) to `value` in a copy. */
  const problems = (path: string[], value: unknown) => {
    const topic = structuredClone(valid) as Record<string, unknown>;
    const parent = path.slice(0, -1).reduce((object, key) => object[key] as Record<string, unknown>, topic);
    parent[path.at(-1)!] = value;
    return verifyKafkaTopic(topic).map((p) => p.pointer);
  };

  it('accepts a valid topic with free-form config', () => {
    expect(verifyKafkaTopic(valid)).toEqual([]);
  });

  it('rejects unknown fields, out-of-range numbers, bad names, an unknown API version and a missing cluster label', () => {
    expect(problems(['spec', 'replicaz'], 3)).toEqual(['/spec/replicaz']);
    expect(problems(['extra'], true)).toEqual(['/extra']);
    expect(problems(['spec', 'partitions'], 0)).toEqual(['/spec/partitions']);
    expect(problems(['spec', 'replicas'], 32768)).toEqual(['/spec/replicas']);
    expect(problems(['spec', 'topicName'], 'orders/v2')).toEqual(['/spec/topicName']);
    expect(problems(['spec', 'topicName'], '..')).toEqual(['/spec/topicName']);
    expect(problems(['metadata', 'name'], 'Orders.v2')).toEqual(['/metadata/name']);
    expect(problems(['apiVersion'], 'kafka.strimzi.io/v1beta1')).toEqual(['/apiVersion']);
    expect(problems(['apiVersion'], 'kafka.strimzi.io/v1beta2')).toEqual([]);
    expect(problems(['metadata', 'labels'], {})).toEqual(['/metadata/labels']);
    expect(problems(['spec', 'config'], 'retention.ms=1')).toEqual(['/spec/config']);
  });
});
