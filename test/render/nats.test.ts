import { describe, expect, it } from 'vitest';
import { render, target } from '../helpers/render.js';
import { resolveFile, shopExample, shopWithNats, specFile } from '../helpers/spec.js';

const second = 1_000_000_000;

function spec(events: string, subscribes: string): string {
  return specFile(
    [
      'apiVersion: hamesh.dev/v1',
      'kind: System',
      'metadata: { name: mini }',
      'broker: { kind: nats }',
      'services:',
      `  worker: { image: "worker:1", subscribes: ${subscribes} }`,
      `events: ${events}`,
    ].join('\n'),
    'system.yaml',
  );
}

describe('nats target', () => {
  it('is the default broker target only with broker.kind nats', async () => {
    expect(target('nats').byDefault(await resolveFile(shopWithNats()))).toBe(true);
    expect(target('nats').byDefault(await resolveFile(shopExample))).toBe(false);
  });

  it('builds one stream per event, a dead-letter stream where needed and one durable consumer per subscription', async () => {
    const resolved = await resolveFile(shopWithNats());
    expect(target('nats').preflight!(resolved)).toEqual([]);
    const documents = render(resolved, 'nats');
    expect(documents.map((d) => `${d.kind} ${d.file}`)).toEqual([
      'file nats/streams/INVENTORY_RESERVED.json',
      'file nats/streams/INVENTORY_RESERVED_DLQ.json',
      'file nats/streams/ORDER_CREATED.json',
      'file nats/streams/ORDER_CREATED_DLQ.json',
      'file nats/streams/ORDER_SHIPPED.json',
      'file nats/streams/ORDER_SHIPPED_DLQ.json',
      'file nats/streams/PAYMENT_COMPLETED.json',
      'file nats/streams/PAYMENT_COMPLETED_DLQ.json',
      'file nats/consumers/INVENTORY_RESERVED/shipping.json',
      'file nats/consumers/ORDER_CREATED/inventory.json',
      'file nats/consumers/ORDER_CREATED/notifications.json',
      'file nats/consumers/ORDER_SHIPPED/notifications-email.json',
      'file nats/consumers/PAYMENT_COMPLETED/shipping.json',
      'manifest manifests/nats/jetstream.yaml',
    ]);
    const value = (file: string) => documents.find((d) => d.file === file)!.value;
    expect(value('nats/streams/ORDER_SHIPPED.json')).toEqual({
      name: 'ORDER_SHIPPED',
      description: 'Event order.shipped of system shop',
      subjects: ['order.shipped'],
      retention: 'limits',
      max_consumers: -1,
      max_msgs: -1,
      max_bytes: -1,
      max_age: 14 * 86_400 * second,
      max_msgs_per_subject: -1,
      max_msg_size: -1,
      discard: 'old',
      storage: 'file',
      num_replicas: 3,
      duplicate_window: 120 * second,
    });
    expect(value('nats/streams/ORDER_CREATED_DLQ.json')).toMatchObject({
      subjects: ['$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.ORDER_CREATED.inventory'],
      num_replicas: 3,
      storage: 'file',
    });
    // max_deliver = 1 + attempts; backoff in nanoseconds; ack_wait = backoff[0], as the server stores it.
    expect(value('nats/consumers/ORDER_CREATED/inventory.json')).toEqual({
      durable_name: 'inventory',
      description: 'inventory consuming order.created as group inventory',
      deliver_policy: 'all',
      ack_policy: 'explicit',
      ack_wait: 1 * second,
      max_deliver: 4,
      backoff: [1 * second, 2 * second, 4 * second],
      replay_policy: 'instant',
      max_ack_pending: 1000,
    });
    // Ordered and without retry: one message in flight, redelivered until acknowledged.
    expect(value('nats/consumers/ORDER_CREATED/notifications.json')).toMatchObject({
      ack_wait: 30 * second,
      max_deliver: -1,
      max_ack_pending: 1,
    });
    expect(value('nats/consumers/ORDER_CREATED/notifications.json')).not.toHaveProperty('backoff');

    const bundle = value('manifests/nats/jetstream.yaml') as {
      kind: string;
      metadata: { name: string };
      data: Record<string, string>;
    };
    expect(bundle.kind).toBe('ConfigMap');
    expect(bundle.metadata.name).toBe('shop-jetstream');
    expect(Object.keys(bundle.data)).toContain('ORDER_CREATED.inventory.consumer.json');
    expect(JSON.parse(bundle.data['ORDER_SHIPPED.stream.json']!)).toEqual(value('nats/streams/ORDER_SHIPPED.json'));
    expect(Object.keys(bundle.data)).toHaveLength(13);
  });

  it('caps the duplicate window at max_age and sends dead letters after one delivery without retry', async () => {
    const documents = render(
      await resolveFile(spec('{ job.done: { retention: 30s } }', '{ job.done: { deadLetter: true } }')),
      'nats',
    );
    expect(documents.find((d) => d.file === 'nats/streams/JOB_DONE.json')!.value).toMatchObject({
      max_age: 30 * second,
      duplicate_window: 30 * second,
    });
    expect(documents.find((d) => d.file === 'nats/consumers/JOB_DONE/worker.json')!.value).toMatchObject({
      max_deliver: 1,
      ack_wait: 30 * second,
    });
  });

  it('reports stream name collisions, durations JetStream cannot hold and compaction it cannot do', async () => {
    const clash = await resolveFile(spec('{ job.done: {}, job.done.dlq: {} }', '{ job.done: { deadLetter: true } }'));
    expect(target('nats').preflight!(clash)).toEqual([
      {
        rule: 'stream-name',
        severity: 'error',
        path: '/events/job.done.dlq',
        message:
          "JetStream stream 'JOB_DONE_DLQ' (Event job.done.dlq of system mini) has the same name as stream 'JOB_DONE_DLQ' (Max-deliveries advisories (dead letters) of job.done, from /events/job.done); rename the event",
      },
    ]);
    const huge = await resolveFile(
      spec(
        '{ job.done: { compacted: true, retention: 200000d, replication: 7 } }',
        '{ job.done: { retry: { attempts: 50, backoff: exponential, delay: 1d } } }',
      ),
    );
    expect(target('nats').preflight!(huge).map((d) => [d.rule, d.severity, d.path])).toEqual([
      ['nats-duration', 'error', '/services/worker/subscribes/job.done/retry'],
      ['nats-duration', 'error', '/events/job.done/retention'],
      ['stream-replicas', 'error', '/events/job.done/replication'],
    ]);
  });
});
