import { connect, type JetStreamManager, type NatsConnection } from 'nats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RenderedDocument } from '../../src/render/target.js';
import { findNatsServer, retryFor, startCluster, waitForJetStream, type NatsCluster } from '../helpers/nats-cluster.js';
import { render } from '../helpers/render.js';
import { resolveFile, shopWithNats, specFile } from '../helpers/spec.js';

const binary = findNatsServer();
const missing = 'nats-server not found on PATH or in /usr/sbin: install the Debian package nats-server (.ci/run does)';

/** Creates every generated stream, then every consumer (the client mutates what it is given, hence the copies), and checks the server stored exactly what was sent. */
async function apply(jsm: JetStreamManager, documents: RenderedDocument[]): Promise<void> {
  const files = documents.filter((d) => d.kind === 'file');
  for (const { value } of files.filter((d) => d.file.startsWith('nats/streams/'))) {
    const info = await jsm.streams.add(structuredClone(value) as never);
    expect(info.config).toMatchObject(value);
  }
  for (const { file, value } of files.filter((d) => d.file.startsWith('nats/consumers/'))) {
    const stream = file.split('/')[2]!;
    const info = await jsm.consumers.add(stream, structuredClone(value) as never);
    expect(info.config).toMatchObject(value);
  }
}

describe('generated JetStream config on a real 3-node nats-server cluster', () => {
  let cluster: NatsCluster | undefined;
  let nc: NatsConnection | undefined;

  beforeAll(async () => {
    if (!binary) return;
    cluster = await startCluster(binary);
    nc = await retryFor(10_000, () =>
      connect({ servers: cluster!.urls, maxReconnectAttempts: -1, reconnectTimeWait: 100 }),
    );
    const jsm = await nc.jetstreamManager({ checkAPI: false });
    await waitForJetStream(jsm, cluster!);
  });

  afterAll(async () => {
    await nc?.close().catch(() => undefined);
    await cluster?.stop();
  });

  it('captures a message that exhausted its deliveries in the dead-letter stream', async (ctx) => {
    if (!binary) ctx.skip(missing);
    const spec = specFile(
      [
        'apiVersion: hamesh.dev/v1',
        'kind: System',
        'metadata: { name: jobs }',
        'broker: { kind: nats }',
        'services:',
        '  producer: { image: "producer:1", publishes: [job.done] }',
        '  worker:',
        '    image: "worker:1"',
        '    subscribes: { job.done: { retry: { attempts: 2, backoff: fixed, delay: 200ms }, deadLetter: true } }',
        'events:',
        '  job.done: { replication: 3 }',
      ].join('\n'),
      'dead-letter.yaml',
    );
    const jsm = await nc!.jetstreamManager();
    await apply(jsm, render(await resolveFile(spec), 'nats'));
    const js = nc!.jetstream();
    const ack = await js.publish('job.done', JSON.stringify({ job: 42 }));

    // The worker fails every delivery: 1 delivery + 2 redeliveries, then the server gives up.
    const consumer = await js.consumers.get('JOB_DONE', 'worker');
    let deliveries = 0;
    const deadLetter = await retryFor(15_000, async () => {
      const message = await consumer.next({ expires: 1000 });
      if (message) {
        deliveries = message.info.redeliveryCount;
        message.nak();
      }
      return jsm.streams.getMessage('JOB_DONE_DLQ', { seq: 1 });
    });
    const advisory = deadLetter.json<{ stream: string; consumer: string; stream_seq: number; deliveries: number }>();
    expect(advisory).toMatchObject({ stream: 'JOB_DONE', consumer: 'worker', stream_seq: ack.seq, deliveries: 3 });
    expect(deliveries).toBe(3);
    // The message itself stays in the event stream, so dead-letter tooling can fetch and replay it.
    const original = await jsm.streams.getMessage('JOB_DONE', { seq: advisory.stream_seq });
    expect(original.json()).toEqual({ job: 42 });
  });

  it('keeps accepting and delivering order.created after the stream leader is killed, losing nothing', async (ctx) => {
    if (!binary) ctx.skip(missing);
    const documents = render(await resolveFile(shopWithNats()), 'nats');
    const jsm = await nc!.jetstreamManager();
    await apply(jsm, documents);
    const js = nc!.jetstream();
    const batch = 20;
    const ids = Array.from({ length: batch * 2 }, (_, i) => `order-${i}`);
    const publish = (id: string) =>
      js.publish('order.created', JSON.stringify({ orderId: id, total: 10 }), { msgID: id, timeout: 1000 });

    for (const id of ids.slice(0, batch)) await publish(id);
    const received = new Set<string>();
    const consumer = await js.consumers.get('ORDER_CREATED', 'inventory');
    const drain = async (want: number) => {
      const messages = await consumer.fetch({ max_messages: want - received.size, expires: 1000 });
      for await (const message of messages) {
        received.add(message.json<{ orderId: string }>().orderId);
        await message.ackAck();
      }
      if (received.size < want) throw new Error(`received ${received.size} of ${want}`);
    };
    await retryFor(10_000, () => drain(batch));

    const leader = (await jsm.streams.info('ORDER_CREATED')).cluster?.leader;
    expect(leader, 'stream leader').toBeDefined();
    cluster!.kill(leader!);
    const killedAt = Date.now();

    // Publishes fail (503, no responders or timeouts) until a new leader is elected: retry each, bounded.
    // The msgID makes a retried publish that did land count once (duplicate window).
    for (const id of ids.slice(batch)) await retryFor(20_000, () => publish(id), 250);
    const recoveredAfterMs = Date.now() - killedAt;
    await retryFor(20_000, () => drain(batch * 2));

    // Every API call after the kill may meet a consumer or stream still electing its leader: retry, bounded.
    const info = await retryFor(20_000, () => jsm.streams.info('ORDER_CREATED'));
    expect(info.cluster?.leader).toBeDefined();
    expect(info.cluster?.leader).not.toBe(leader);
    expect(info.state.messages, 'messages stored (a duplicate would mean the msgID dedup failed)').toBe(batch * 2);
    expect([...received].sort()).toEqual([...ids].sort());
    // A second consumer group (notifications, ordered: max_ack_pending 1) sees every message too.
    const notifications = await retryFor(20_000, () => js.consumers.get('ORDER_CREATED', 'notifications'));
    const seen: string[] = [];
    await retryFor(
      20_000,
      async () => {
        const message = await notifications.next({ expires: 1000 });
        if (message) {
          const id = message.json<{ orderId: string }>().orderId;
          // An ack lost in a leader change brings the same message again: count each once, keep the order.
          if (!seen.includes(id)) seen.push(id);
          await message.ackAck();
        }
        if (seen.length < batch * 2) throw new Error(`notifications received ${seen.length}`);
      },
      0,
    );
    expect(seen).toEqual(ids);
    ctx.annotate(
      `stream leader ${leader} killed; the ${batch} publishes after the kill were acknowledged within ${recoveredAfterMs} ms; ${ids.length} messages, none lost`,
    );
  });
});
