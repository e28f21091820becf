import { DiagnosticSeverity, Parser } from '@asyncapi/parser';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { render, target } from '../helpers/render.js';
import { resolveFile, shopExample, shopWithNats, specFile } from '../helpers/spec.js';

const parser = new Parser();

/** Parses with the official parser; returns its error-level diagnostics and the document. */
async function parse(value: object) {
  const { document, diagnostics } = await parser.parse(stringify(value));
  return { document, errors: diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error) };
}

describe('asyncapi target', () => {
  it('is built only when asked for', async () => {
    expect(target('asyncapi').byDefault(await resolveFile(shopExample))).toBe(false);
  });

  it('prints the catalog on stdout for `hamesh build --target asyncapi`, as the official parser accepts it', async () => {
    const result = runCli(['build', 'examples/shop/system.ts', '--target', 'asyncapi']);
    expect([result.code, result.stderr]).toEqual([0, '']);
    const { document, diagnostics } = await parser.parse(result.stdout);
    expect(diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error)).toEqual([]);
    expect(document!.info().title()).toBe('shop');
  });

  it('describes the shop example (Kafka) as a valid AsyncAPI 3.0 document', async () => {
    const documents = render(await resolveFile(shopExample), 'asyncapi');
    expect(documents.map((d) => [d.kind, d.file])).toEqual([['file', 'asyncapi.yaml']]);
    const { document, errors } = await parse(documents[0]!.value);
    expect(errors).toEqual([]);
    expect(document!.version()).toBe('3.0.0');
    expect(
      document!
        .channels()
        .all()
        .map((c) => c.address())
        .sort(),
    ).toEqual(['inventory.reserved', 'order.created', 'order.shipped', 'payment.completed']);
    const operations = document!.operations().all();
    // 4 publishers (checkout, payments, inventory, shipping) and 5 subscriptions.
    expect(
      operations
        .filter((o) => o.action() === 'send')
        .map((o) => o.id())
        .sort(),
    ).toEqual([
      'checkout_send_order_created',
      'inventory_send_inventory_reserved',
      'payments_send_payment_completed',
      'shipping_send_order_shipped',
    ]);
    expect(operations.filter((o) => o.action() === 'receive')).toHaveLength(5);
    const orderCreated = document!.channels().get('order_created')!;
    const payload = orderCreated.messages().all()[0]!.payload()!;
    expect(payload.required()).toEqual(['orderId', 'total']);
    expect(orderCreated.bindings().get('kafka')!.value()).toMatchObject({
      topic: 'order.created',
      partitions: 6,
      replicas: 3,
    });
    const shipping = document!.operations().get('shipping_receive_payment_completed')!;
    expect(shipping.bindings().get('kafka')!.value()).toMatchObject({ groupId: { enum: ['shipping'] } });
  });

  it('is checked for real: the parser rejects a broken operation', async () => {
    const value = structuredClone(render(await resolveFile(shopExample), 'asyncapi')[0]!.value) as {
      operations: Record<string, { action: string }>;
    };
    value.operations.checkout_send_order_created!.action = 'publish';
    const { errors } = await parse(value);
    expect(errors.map((e) => e.path.join('/'))).toContain('operations/checkout_send_order_created/action');
  });

  it('is valid for a NATS system and for a system without events', async () => {
    const nats = await parse(render(await resolveFile(shopWithNats()), 'asyncapi')[0]!.value);
    expect(nats.errors).toEqual([]);
    expect(
      nats
        .document!.servers()
        .all()
        .map((s) => s.protocol()),
    ).toEqual(['nats']);

    const quiet = specFile(
      'apiVersion: hamesh.dev/v1\nkind: System\nmetadata: { name: quiet }\nservices: { web: { image: "web:1" } }\n',
      'quiet.yaml',
    );
    const empty = await parse(render(await resolveFile(quiet), 'asyncapi')[0]!.value);
    expect(empty.errors).toEqual([]);
    expect(empty.document!.channels().all()).toHaveLength(0);
  });
});
