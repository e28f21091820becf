import { describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline.js';
import { egressHosts } from '../../src/render/istio/sidecar.js';
import { documentsOf, find } from '../helpers/render.js';
import { resolveFile, resolveSpec, shopExample, system } from '../helpers/spec.js';

const image = 'ghcr.io/acme/app:1.0.0';
const kafka = [
  'kafka/events-kafka-bootstrap.kafka.svc.cluster.local',
  'kafka/events-kafka-brokers.kafka.svc.cluster.local',
];

describe('Sidecar egress scoping (mesh.sidecarScope)', () => {
  it('shop example: each service Sidecar lists exactly its callees, the broker when it uses it, and istio-system', async () => {
    const resolved = await resolveFile(shopExample);
    const result = await build(shopExample, { verify: true });
    const sidecars = (result.documents ?? [])
      .filter((d) => d.value.kind === 'Sidecar')
      .map((d) => d.value as Record<string, any>);
    expect(sidecars.map((s) => s.metadata.name)).toEqual(resolved.system.services.map((s) => s.name));
    for (const sidecar of sidecars) {
      const service = resolved.service(sidecar.metadata.name)!;
      const callees = service.calls.map((c) => `./${c.service}.shop.svc.cluster.local`);
      const broker = service.publishes.length + service.subscribes.length > 0 ? kafka : [];
      expect(sidecar.spec.workloadSelector).toEqual({ labels: { app: service.name } });
      expect(sidecar.spec.egress).toEqual([{ hosts: [...callees, ...broker, 'istio-system/*'].sort() }]);
    }
    expect(find(result.documents!, 'Sidecar', 'frontend').spec.egress[0].hosts).toEqual([
      './cart.shop.svc.cluster.local',
      './catalog.shop.svc.cluster.local',
      './checkout.shop.svc.cluster.local',
      './recommendations.shop.svc.cluster.local',
      'istio-system/*',
    ]);
  });

  it('scopes an external by its hosts, an in-mesh broker by its Services, and sets the outbound traffic policy', async () => {
    const docs = await documentsOf(
      system(
        {
          app: { image, calls: ['stripe'], publishes: ['e'] },
          nats: { image, workload: 'statefulset', ports: { client: { port: 4222, protocol: 'tcp' } } },
        },
        {
          broker: { kind: 'nats', service: 'nats' },
          events: { e: {} },
          mesh: { outboundTraffic: 'registry-only' },
          externals: {
            stripe: {
              hosts: ['api.stripe.com', '*.stripe.network'],
              ports: { https: { port: 443, protocol: 'https' } },
            },
          },
        },
      ),
    );
    expect(find(docs, 'Sidecar', 'app').spec).toEqual({
      workloadSelector: { labels: { app: 'app' } },
      egress: [
        {
          hosts: [
            './*.stripe.network',
            './api.stripe.com',
            './nats-headless.demo.svc.cluster.local',
            './nats.demo.svc.cluster.local',
            'istio-system/*',
          ],
        },
      ],
      outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' },
    });
    // The broker's own proxy does not list itself.
    expect(find(docs, 'Sidecar', 'nats').spec.egress).toEqual([{ hosts: ['istio-system/*'] }]);
  });

  it('scopes a broker outside the spec by its bootstrap host', () => {
    const resolved = resolveSpec({
      broker: { bootstrap: 'kafka.example.com:9092', operator: 'none' },
      services: { app: { image, publishes: ['e'] } },
      events: { e: {} },
    });
    expect(egressHosts(resolved, resolved.service('app')!)).toEqual(['*/kafka.example.com', 'istio-system/*']);
  });

  it('sidecarScope: false emits no per-service Sidecar; with outboundTraffic, one namespace-wide default keeping every host', async () => {
    const off = await documentsOf(system({ app: { image } }, { mesh: { sidecarScope: false } }));
    expect(off.some((d) => d.value.kind === 'Sidecar')).toBe(false);
    const policy = await documentsOf(
      system({ app: { image } }, { mesh: { sidecarScope: false, outboundTraffic: 'allow-any' } }),
    );
    const sidecars = policy.filter((d) => d.value.kind === 'Sidecar');
    expect(sidecars.map((d) => d.value.spec)).toEqual([
      { egress: [{ hosts: ['*/*'] }], outboundTrafficPolicy: { mode: 'ALLOW_ANY' } },
    ]);
    expect(find(policy, 'Sidecar', 'default').metadata.namespace).toBe('demo');
  });
});
