import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/pipeline.js';
import { render } from '../helpers/render.js';
import { resolveFile, shopExample, specFile } from '../helpers/spec.js';

const metadataOf = (value: Record<string, unknown>) =>
  value.metadata as { name: string; namespace?: string; labels?: Record<string, string> };

describe('broker placement', () => {
  it("leaves a broker namespace other than the system's alone: no injection label, no mTLS or AuthorizationPolicy there", async () => {
    // The shop's broker runs in namespace kafka, the system in shop.
    const resolved = await resolveFile(shopExample);
    const documents = ['namespace', 'kubernetes', 'istio', 'kafka'].flatMap((name) => render(resolved, name));
    const namespaces = documents.filter((d) => d.value.kind === 'Namespace').map((d) => metadataOf(d.value).name);
    expect(namespaces).toEqual(['shop']);
    const inBrokerNamespace = documents
      .filter((d) => metadataOf(d.value).namespace === 'kafka')
      .map((d) => d.value.kind);
    expect([...new Set(inBrokerNamespace)]).toEqual(['KafkaTopic']);
    const security = documents.filter(
      (d) => d.value.kind === 'PeerAuthentication' || d.value.kind === 'AuthorizationPolicy',
    );
    expect(security.length).toBeGreaterThan(0);
    expect(security.every((d) => metadataOf(d.value).namespace === 'shop')).toBe(true);
  });

  /** A system whose broker is its own service `kafka`; `api` neither publishes nor subscribes. */
  const inMeshBroker = (broker = 'kafka', apiEnv = '{}') =>
    specFile(
      [
        'apiVersion: hamesh.dev/v1',
        'kind: System',
        'metadata: { name: shop, namespace: shop }',
        `broker: { service: ${broker} }`,
        'services:',
        '  kafka: { image: "kafka:3", port: 9092, protocol: tcp, replicas: 3 }',
        '  producer: { image: "p:1", publishes: [a.b], env: { BOOTSTRAP: { broker: bootstrap } } }',
        '  consumer: { image: "c:1", subscribes: { a.b: {} } }',
        `  api: { image: "api:1", env: ${apiEnv} }`,
        'events: { a.b: {} }',
      ].join('\n'),
      'system.yaml',
    );

  it('admits every publisher and subscriber to a broker that is a service of the spec, without calls', async () => {
    const resolved = await resolveFile(inMeshBroker());
    const istio = render(resolved, 'istio');
    const policy = istio.find((d) => d.value.kind === 'AuthorizationPolicy' && metadataOf(d.value).name === 'kafka')!
      .value as any;
    expect(policy.spec.rules).toEqual([
      {
        from: [{ source: { principals: ['cluster.local/ns/shop/sa/consumer', 'cluster.local/ns/shop/sa/producer'] } }],
      },
    ]);
    // Other services' policies are unchanged: nobody calls the producer.
    expect(
      (
        istio.find((d) => d.value.kind === 'AuthorizationPolicy' && metadataOf(d.value).name === 'producer')!
          .value as any
      ).spec.rules,
    ).toBeUndefined();
    const producer = render(resolved, 'kubernetes').find(
      (d) => d.value.kind === 'Deployment' && metadataOf(d.value).name === 'producer',
    )!.value as any;
    expect(producer.spec.template.spec.containers[0].env).toEqual([
      { name: 'BOOTSTRAP', value: 'kafka.shop.svc.cluster.local:9092' },
    ]);
  });

  it('still needs calls for a service that reads the address without publishing or subscribing, and a declared broker service', async () => {
    const api = await analyze(inMeshBroker('kafka', '{ B: { broker: bootstrap } }'));
    expect(api.diagnostics.map((d) => `${d.rule} ${d.path}`)).toEqual(['env-reference /services/api/env/B/broker']);
    const unknown = await analyze(inMeshBroker('kafak'));
    expect(unknown.diagnostics.map((d) => `${d.rule} ${d.path} ${d.message}`)).toEqual([
      "unknown-reference /broker/service refers to service 'kafak', which is not declared (did you mean 'kafka'?)",
    ]);
  });
});
