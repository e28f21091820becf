import { connect, type NatsConnection } from 'nats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { RenderedDocument } from '../../src/render/target.js';
import { tempDir } from '../helpers/tmp.js';
import { findNatsServer, retryFor, startCluster, waitForJetStream, type NatsCluster } from '../helpers/nats-cluster.js';
import { render } from '../helpers/render.js';
import { resolveFile, shopExample } from '../helpers/spec.js';

const binary = findNatsServer();
const missing = 'nats-server not found on PATH or in /usr/sbin: install the Debian package nats-server (.ci/run does)';

const tmp = tempDir();

/** The shop example on NATS with `broker.auth` set. */
function shopWithNatsAuth(): string {
  const source = readFileSync(shopExample, 'utf8');
  const changed = source
    .replace("broker: { kind: 'kafka',", "broker: { kind: 'nats',")
    .replace('brokers: 3 }', "brokers: 3, auth: 'tls' }");
  if (!changed.includes("kind: 'nats'") || !changed.includes('auth:'))
    throw new Error('the shop example no longer declares its broker as expected');
  return tmp.write('system.ts', changed);
}

type Permissions = Record<string, { publish: { allow: string[] }; subscribe: { allow: string[] } }>;
const permissionsOf = (documents: RenderedDocument[]) =>
  documents.find((d) => d.file === 'nats/permissions.json')!.value as Permissions;

describe('NATS permissions (broker.auth)', () => {
  let documents: RenderedDocument[] = [];
  let cluster: NatsCluster | undefined;
  const connections: NatsConnection[] = [];
  /** Connects as a user (password = user name in this test), with the private inbox prefix the permissions expect. */
  const as = async (user: string, inboxPrefix?: string) => {
    const nc = await retryFor(10_000, () =>
      connect({ servers: cluster!.urls, user, pass: user, ...(inboxPrefix && { inboxPrefix }) }),
    );
    connections.push(nc);
    return nc;
  };
  /** The first permissions violation the server reports to `nc`. */
  const violation = async (nc: NatsConnection) => {
    for await (const status of nc.status())
      if (status.type === 'error' && String(status.data).includes('PERMISSIONS_VIOLATION')) return status;
    return undefined;
  };

  beforeAll(async () => {
    documents = render(await resolveFile(shopWithNatsAuth()), 'nats');
    if (!binary) return;
    const services = Object.keys(permissionsOf(documents)).map((variable) =>
      variable.replace(/_PERMISSIONS$/, '').toLowerCase(),
    );
    // The deployer's part: one user per service, each with the permissions variable hamesh generated; plus an admin
    // that applies the stream and consumer configs.
    const users = services.map(
      (service) => `{ user: ${service}, password: ${service}, permissions: $${service.toUpperCase()}_PERMISSIONS }`,
    );
    cluster = await startCluster(binary, {
      files: { 'permissions.json': JSON.stringify(permissionsOf(documents)) },
      config: [
        'include "permissions.json"',
        `authorization { users: [ { user: admin, password: admin }, ${users.join(', ')} ] }`,
      ],
    });
    const jsm = await (await as('admin')).jetstreamManager({ checkAPI: false });
    await waitForJetStream(jsm, cluster!);
    const files = documents.filter((d) => d.kind === 'file');
    for (const { value } of files.filter((d) => d.file.startsWith('nats/streams/')))
      await jsm.streams.add(structuredClone(value) as never);
    for (const { file, value } of files.filter((d) => d.file.startsWith('nats/consumers/'))) {
      await jsm.consumers.add(file.split('/')[2]!, structuredClone(value) as never);
    }
  });

  afterAll(async () => {
    for (const nc of connections) await nc.close().catch(() => undefined);
    await cluster?.stop();
  });

  it('grants each service exactly its subjects, its consumers and its own inbox', () => {
    const permissions = permissionsOf(documents);
    expect(Object.keys(permissions)).toEqual([
      'CHECKOUT_PERMISSIONS',
      'INVENTORY_PERMISSIONS',
      'NOTIFICATIONS_PERMISSIONS',
      'PAYMENTS_PERMISSIONS',
      'SHIPPING_PERMISSIONS',
    ]);
    expect(permissions.CHECKOUT_PERMISSIONS).toEqual({
      publish: { allow: ['order.created'] },
      subscribe: { allow: ['_INBOX.checkout.>'] },
    });
    expect(permissions.INVENTORY_PERMISSIONS).toEqual({
      publish: {
        allow: [
          '$JS.ACK.ORDER_CREATED.inventory.>',
          '$JS.API.CONSUMER.INFO.ORDER_CREATED.inventory',
          '$JS.API.CONSUMER.MSG.NEXT.ORDER_CREATED.inventory',
          'inventory.reserved',
        ],
      },
      subscribe: { allow: ['_INBOX.inventory.>'] },
    });
    const configMap = documents.find((d) => d.file === 'manifests/nats/permissions.yaml')!.value as {
      metadata: { namespace: string };
      data: Record<string, string>;
    };
    expect(configMap.metadata.namespace).toBe('kafka');
    expect(JSON.parse(configMap.data['permissions.json']!)).toEqual(permissions);
  });

  it('lets a publisher publish its event and a subscriber consume and acknowledge it, on a real 3-node cluster', async (ctx) => {
    if (!binary) ctx.skip(missing);
    const checkout = await as('checkout', '_INBOX.checkout');
    const ack = await retryFor(10_000, () =>
      checkout.jetstream().publish('order.created', JSON.stringify({ orderId: 'o-1', total: 5 }), { timeout: 1000 }),
    );
    expect(ack.stream).toBe('ORDER_CREATED');

    const inventory = await as('inventory', '_INBOX.inventory');
    const consumer = await inventory.jetstream().consumers.get('ORDER_CREATED', 'inventory');
    const message = await retryFor(10_000, async () => {
      const next = await consumer.next({ expires: 1000 });
      if (!next) throw new Error('no message yet');
      return next;
    });
    expect(message.json()).toEqual({ orderId: 'o-1', total: 5 });
    expect(await message.ackAck()).toBe(true);
  });

  it('refuses a publish to an event the service does not publish, with a permissions violation', async (ctx) => {
    if (!binary) ctx.skip(missing);
    const checkout = await as('checkout', '_INBOX.checkout');
    const refused = violation(checkout);
    checkout.publish('payment.completed', JSON.stringify({ orderId: 'forged' }));
    await checkout.flush();
    expect(String((await refused)?.data)).toBe('PERMISSIONS_VIOLATION');
    // Nothing reached the stream (the admin may read it).
    const jsm = await (await as('admin')).jetstreamManager();
    expect((await jsm.streams.info('PAYMENT_COMPLETED')).state.messages).toBe(0);
  });

  it("refuses pulling from another group's consumer and managing streams", async (ctx) => {
    if (!binary) ctx.skip(missing);
    const inventory = await as('inventory', '_INBOX.inventory');
    const refused = violation(inventory);
    await expect(
      inventory.request('$JS.API.CONSUMER.MSG.NEXT.ORDER_CREATED.notifications', '', { timeout: 1000 }),
    ).rejects.toThrow();
    await expect(inventory.request('$JS.API.STREAM.DELETE.ORDER_CREATED', '', { timeout: 1000 })).rejects.toThrow();
    expect(await refused).toBeDefined();
    const jsm = await (await as('admin')).jetstreamManager();
    expect((await jsm.streams.info('ORDER_CREATED')).config.name).toBe('ORDER_CREATED');
  });
});
