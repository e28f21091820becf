import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint/engine.js';
import { resolveSpec, type ShopData } from '../helpers/spec.js';
import { diffShop, type ShopEdit } from '../helpers/diff.js';

type Edit = ShopEdit;

const findings = async (edit: Edit, base?: Edit) =>
  (await diffShop(edit, base)).diagnostics.map((d) => ({ rule: d.rule, severity: d.severity, path: d.path }));

describe('hamesh diff: unsafe-change rules on two versions of the shop example', () => {
  it('partitions-decrease: an event loses partitions (error, at the new value)', async () => {
    expect(await findings((s) => (s.events['order.created'].partitions = 3))).toEqual([
      { rule: 'partitions-decrease', severity: 'error', path: '/events/order.created/partitions' },
    ]);
  });

  it('partitions-increase-keyed: a keyed event gains partitions (warning); an unkeyed one read in no order does not', async () => {
    expect(await findings((s) => (s.events['order.shipped'].partitions = 6))).toEqual([
      { rule: 'partitions-increase-keyed', severity: 'warning', path: '/events/order.shipped/partitions' },
    ]);
    const unkeyed: Edit = (s) => delete s.events['order.shipped'].key;
    expect(await findings((s) => (s.events['order.shipped'].partitions = 6), unkeyed)).toEqual([]);
  });

  it('partitions-increase-keyed names the subscribers that read in order', async () => {
    const result = await diffShop((s) => {
      delete s.events['order.created'].key;
      s.events['order.created'].partitions = 12;
    });
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]!.message).toContain('read in order by notifications');
    expect(result.diagnostics[0]!.related).toEqual([
      expect.objectContaining({ path: '/services/notifications/subscribes/order.created' }),
    ]);
  });

  it('replication-change: a topic changes its replication factor (warning)', async () => {
    expect(await findings((s) => (s.events['payment.completed'].replication = 2))).toEqual([
      { rule: 'replication-change', severity: 'warning', path: '/events/payment.completed/replication' },
    ]);
  });

  it('event-removed-with-subscribers: an event removed with the subscriptions it had (error); a removed event nobody read is fine', async () => {
    const removeShipped = (s: ShopData) => {
      delete s.events['order.shipped'];
      s.services.shipping.publishes = [];
      delete s.services.notifications.subscribes['order.shipped'];
    };
    const result = await diffShop(removeShipped);
    expect(result.diagnostics.map((d) => [d.rule, d.severity, d.path])).toEqual([
      ['event-removed-with-subscribers', 'error', '/events'],
    ]);
    expect(result.diagnostics[0]!.message).toContain(
      "event 'order.shipped' is removed while notifications subscribes to it",
    );
    expect(result.changes).toContainEqual({ change: 'removed', subject: 'event order.shipped' });
    expect(result.objects).toContainEqual({
      change: 'removed',
      object: 'KafkaTopic kafka/order-shipped',
      file: 'manifests/kafka/topics.yaml',
    });
  });

  it('payload-breaking: a required property removed or a type changed (error); an added optional property is fine', async () => {
    const schema = (s: ShopData) => s.events['order.created'].schema;
    expect(await findings((s) => (schema(s).properties.total.type = 'string'))).toEqual([
      { rule: 'payload-breaking', severity: 'error', path: '/events/order.created/schema/properties/total/type' },
    ]);
    expect(await findings((s) => (schema(s).required = ['orderId']))).toEqual([
      { rule: 'payload-breaking', severity: 'error', path: '/events/order.created/schema/properties/total' },
    ]);
    expect(await findings((s) => (schema(s).properties.currency = { type: 'string' }))).toEqual([]);
  });

  it('caller-removed: a call dropped while both services stay (note: the AuthorizationPolicy refuses it)', async () => {
    const result = await diffShop((s) => (s.services.checkout.calls = ['payments']));
    expect(result.diagnostics.map((d) => [d.rule, d.severity, d.path])).toEqual([
      ['caller-removed', 'note', '/services/checkout/calls'],
    ]);
    expect(result.changes).toEqual([{ change: 'removed', subject: 'caller checkout → cart' }]);
    expect(result.objects).toEqual([
      {
        change: 'changed',
        object: 'AuthorizationPolicy shop/cart',
        file: 'manifests/services/cart/istio.yaml',
        fields: ['spec.rules.0.from.0.source.principals'],
      },
      {
        change: 'changed',
        object: 'Sidecar shop/checkout',
        file: 'manifests/services/checkout/istio.yaml',
        fields: ['spec.egress.0.hosts'],
      },
    ]);
  });

  it("the new version's policy.rules configures them: a severity, or off", async () => {
    const result = await findings((s) => {
      s.events['order.created'].partitions = 3;
      s.events['payment.completed'].replication = 2;
      s.policy = { rules: { 'partitions-decrease': 'warning', 'replication-change': 'off' } };
    });
    expect(result).toEqual([
      { rule: 'partitions-decrease', severity: 'warning', path: '/events/order.created/partitions' },
    ]);
  });

  it('lists what the change does to the spec and the cluster, with no finding for a safe change', async () => {
    const result = await diffShop((s) => (s.services.cart.autoscale = { min: 4, max: 12, cpuPercent: 70 }));
    expect(result.diagnostics).toEqual([]);
    expect(result.changes).toEqual([
      { change: 'changed', subject: 'service cart', field: 'autoscale.min', from: 3, to: 4 },
      { change: 'changed', subject: 'service cart', field: 'replicas', from: 3, to: 4 },
    ]);
    expect(result.objects.map((o) => `${o.change} ${o.object}`)).toEqual(
      expect.arrayContaining(['changed HorizontalPodAutoscaler shop/cart']),
    );
  });

  it('the same spec gives no change at all', async () => {
    expect(await diffShop(() => {})).toEqual({ changes: [], objects: [], diagnostics: [] });
  });
});

describe('diff rules in a policy', () => {
  const image = 'example/app:1';
  it('policy.rules accepts a diff rule id with a severity; policy.suppress refuses one (nothing to suppress)', () => {
    const found = lint(
      resolveSpec({
        services: { a: { image, replicas: 3 } },
        policy: {
          rules: { 'payload-breaking': 'warning' },
          suppress: [{ rule: 'caller-removed', path: '/services/a', reason: 'r' }],
        },
      }),
    );
    expect(found.filter((d) => d.rule === 'policy-config').map((d) => [d.rule, d.path, d.message])).toEqual([
      [
        'policy-config',
        '/policy/suppress/0/rule',
        "'caller-removed' is a `hamesh diff` rule: configure it in policy.rules (a severity or off); there is nothing to suppress",
      ],
    ]);
  });
});
