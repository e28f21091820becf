import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RenderedDocument } from '../../src/render/target.js';
import { kafkaVerifiers } from '../../src/verify/kafka.js';
import { render, target } from '../helpers/render.js';
import { analyze } from '../../src/pipeline.js';
import { resolveFile, shopExample, specFile } from '../helpers/spec.js';

const verifyKafkaUser = await kafkaVerifiers
  .find((entry) => entry.kind === 'KafkaUser' && entry.apiVersion === 'kafka.strimzi.io/v1')!
  .load();

interface Acl {
  resource: { type: string; name: string; patternType: string };
  operations: string[];
}
const users = (documents: RenderedDocument[]) => documents.filter((d) => d.value.kind === 'KafkaUser');
/** `user: type name Op+Op` per ACL, for a readable comparison. */
const aclLines = (documents: RenderedDocument[]) =>
  users(documents).flatMap((d) => {
    const name = (d.value.metadata as { name: string }).name;
    const acls = (d.value.spec as { authorization: { acls: Acl[] } }).authorization.acls;
    return acls.map((acl) => `${name}: ${acl.resource.type} ${acl.resource.name} ${acl.operations.join('+')}`);
  });

/** The shop example with `broker.auth` set. */
function shopWithAuth(auth: string): string {
  const source = readFileSync(shopExample, 'utf8');
  const changed = source.replace('brokers: 3 }', `brokers: 3, auth: '${auth}' }`);
  if (changed === source) throw new Error('the shop example no longer declares its broker as expected');
  return specFile(changed, 'system.ts');
}

describe('KafkaUsers (broker.auth)', () => {
  it('gives every publisher and subscriber of the shop exactly its topics and groups, literal, nothing else', async () => {
    const documents = render(await resolveFile(shopWithAuth('scram-sha-512')), 'kafka');
    expect(aclLines(documents)).toEqual([
      'shop-checkout: topic order.created Write+Describe',
      'shop-inventory: topic inventory.reserved Write+Describe',
      'shop-inventory: topic order.created Read+Describe',
      'shop-inventory: topic order.created.inventory.dlt Read+Write',
      'shop-inventory: topic order.created.inventory.retry-1 Read+Write',
      'shop-inventory: topic order.created.inventory.retry-2 Read+Write',
      'shop-inventory: topic order.created.inventory.retry-3 Read+Write',
      'shop-inventory: group inventory Read',
      'shop-notifications: topic order.created Read+Describe',
      'shop-notifications: topic order.shipped Read+Describe',
      'shop-notifications: topic order.shipped.notifications-email.dlt Read+Write',
      'shop-notifications: topic order.shipped.notifications-email.retry-1 Read+Write',
      'shop-notifications: topic order.shipped.notifications-email.retry-2 Read+Write',
      'shop-notifications: topic order.shipped.notifications-email.retry-3 Read+Write',
      'shop-notifications: topic order.shipped.notifications-email.retry-4 Read+Write',
      'shop-notifications: topic order.shipped.notifications-email.retry-5 Read+Write',
      'shop-notifications: group notifications Read',
      'shop-notifications: group notifications-email Read',
      'shop-payments: topic payment.completed Write+Describe',
      'shop-shipping: topic inventory.reserved Read+Describe',
      'shop-shipping: topic inventory.reserved.shipping.dlt Read+Write',
      'shop-shipping: topic inventory.reserved.shipping.retry-1 Read+Write',
      'shop-shipping: topic order.shipped Write+Describe',
      'shop-shipping: topic payment.completed Read+Describe',
      'shop-shipping: topic payment.completed.shipping.dlt Read+Write',
      'shop-shipping: topic payment.completed.shipping.retry-1 Read+Write',
      'shop-shipping: group shipping Read',
    ]);
    for (const user of users(documents)) {
      expect(user.file).toBe('manifests/kafka/users.yaml');
      expect(user.value).toMatchObject({
        apiVersion: 'kafka.strimzi.io/v1',
        metadata: { namespace: 'kafka', labels: { 'strimzi.io/cluster': 'events' } },
        spec: { authentication: { type: 'scram-sha-512' }, authorization: { type: 'simple' } },
      });
      expect(verifyKafkaUser(user.value)).toEqual([]);
    }
    // Services that neither publish nor subscribe get no user.
    expect(
      users(documents).map(
        (d) => (d.value.metadata as { labels: Record<string, string> }).labels['app.kubernetes.io/name'],
      ),
    ).toEqual(['checkout', 'inventory', 'notifications', 'payments', 'shipping']);
  });

  it('emits no KafkaUser without broker.auth, and tls users with broker.auth: tls', async () => {
    expect(users(render(await resolveFile(shopExample), 'kafka'))).toEqual([]);
    const tls = users(render(await resolveFile(shopWithAuth('tls')), 'kafka'));
    expect(tls.map((d) => (d.value.spec as { authentication: unknown }).authentication)).toEqual(
      Array(5).fill({ type: 'tls' }),
    );
  });

  it('is verified strictly: unknown fields, a missing cluster label, wildcards and empty operations are rejected', async () => {
    const [user] = users(render(await resolveFile(shopWithAuth('scram-sha-512')), 'kafka'));
    const value = structuredClone(user!.value) as Record<string, any>;
    value.spec.authorization.acls[0].operation = 'Write';
    value.spec.authorization.acls.push({
      resource: { type: 'topic', name: '*', patternType: 'literal' },
      operations: [],
    });
    delete value.metadata.labels['strimzi.io/cluster'];
    const problems = verifyKafkaUser(value).map((p) => p.pointer);
    expect(problems).toEqual(
      expect.arrayContaining([
        '/metadata/labels',
        '/spec/authorization/acls/0/operation',
        '/spec/authorization/acls/1/resource/name',
        '/spec/authorization/acls/1/operations',
      ]),
    );
  });

  it('refuses a tls user whose name does not fit a certificate CN', async () => {
    const long = 'a'.repeat(60);
    const file = specFile(
      `apiVersion: hamesh.dev/v1\nkind: System\nmetadata: { name: shop }\nbroker: { auth: tls }\nservices: { ${long}: { image: "x:1", publishes: [a.b] } }\nevents: { a.b: {} }\n`,
      'long.yaml',
    );
    const findings = target('kafka').preflight!(await resolveFile(file));
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'kafka-user-name',
        path: `/services/${long}`,
        message: expect.stringContaining("certificate's CN (at most 64)"),
      }),
    ]);
  });
});

describe('broker credentials in env ({ broker: username | password | … })', () => {
  /** A system whose `worker` subscribes to `a.b` and reads the given env. */
  const credentialsSpec = (broker: string, env: string, worker = 'subscribes: { a.b: {} }') =>
    specFile(
      [
        'apiVersion: hamesh.dev/v1',
        'kind: System',
        'metadata: { name: shop, namespace: shop }',
        `broker: ${broker}`,
        'services:',
        '  producer: { image: "p:1", publishes: [a.b] }',
        `  worker: { image: "w:1", ${worker}, env: ${env} }`,
        'events: { a.b: {} }',
      ].join('\n'),
      'system.yaml',
    );
  const workerEnv = async (file: string) =>
    (
      render(await resolveFile(file), 'kubernetes').find(
        (d) => d.value.kind === 'Deployment' && (d.value.metadata as { name: string }).name === 'worker',
      )!.value as any
    ).spec.template.spec.containers[0].env;

  it('reads the SCRAM username and password from the Secret Strimzi creates for the KafkaUser', async () => {
    const env = await workerEnv(
      credentialsSpec(
        '{ cluster: events, namespace: shop, auth: scram-sha-512 }',
        '{ BOOTSTRAP: { broker: bootstrap }, USER: { broker: username }, PASS: { broker: password }, JAAS: { broker: jaas-config } }',
      ),
    );
    expect(env).toEqual([
      { name: 'BOOTSTRAP', value: 'events-kafka-bootstrap.shop.svc:9092' },
      { name: 'JAAS', valueFrom: { secretKeyRef: { name: 'shop-worker', key: 'sasl.jaas.config' } } },
      { name: 'PASS', valueFrom: { secretKeyRef: { name: 'shop-worker', key: 'password' } } },
      { name: 'USER', value: 'shop-worker' },
    ]);
  });

  it('reads the TLS client certificate and the cluster CA, with the TLS listener and a CN username', async () => {
    const env = await workerEnv(
      credentialsSpec(
        '{ cluster: events, namespace: shop, auth: tls }',
        '{ BOOTSTRAP: { broker: bootstrap }, USER: { broker: username }, CERT: { broker: certificate }, KEY: { broker: key }, CA: { broker: ca } }',
      ),
    );
    expect(env).toEqual([
      { name: 'BOOTSTRAP', value: 'events-kafka-bootstrap.shop.svc:9093' },
      { name: 'CA', valueFrom: { secretKeyRef: { name: 'events-cluster-ca-cert', key: 'ca.crt' } } },
      { name: 'CERT', valueFrom: { secretKeyRef: { name: 'shop-worker', key: 'user.crt' } } },
      { name: 'KEY', valueFrom: { secretKeyRef: { name: 'shop-worker', key: 'user.key' } } },
      { name: 'USER', value: 'CN=shop-worker' },
    ]);
  });

  it('refuses credentials that do not exist, at the reference', async () => {
    const findings = async (broker: string, env: string, worker?: string) =>
      (await analyze(credentialsSpec(broker, env, worker))).diagnostics.map((d) => `${d.rule} ${d.path} ${d.message}`);
    expect(await findings('{}', '{ USER: { broker: username } }')).toEqual([
      'env-reference /services/worker/env/USER/broker reads the broker username, but broker.auth is none, so there is no KafkaUser: set broker.auth to scram-sha-512 or tls',
    ]);
    expect(await findings('{ auth: tls }', '{ PASS: { broker: password } }')).toEqual([
      'env-reference /services/worker/env/PASS/broker reads the broker password, but it exists only with broker.auth scram-sha-512, and broker.auth is tls',
    ]);
    expect(await findings('{ kind: nats, auth: tls }', '{ USER: { broker: username } }')).toEqual([
      expect.stringContaining('broker kind is nats'),
    ]);
    expect(await findings('{ auth: scram-sha-512 }', '{ USER: { broker: username } }', 'replicas: 2')).toEqual([
      expect.stringContaining('neither publishes nor subscribes, so it has no KafkaUser'),
    ]);
  });
});
