import { describe, expect, it } from 'vitest';
import type { RenderedDocument } from '../../src/render/target.js';
import { kedaVerifiers } from '../../src/verify/keda.js';
import { analyze } from '../../src/pipeline.js';
import { render } from '../helpers/render.js';
import { resolveFile, specFile } from '../helpers/spec.js';

const verifyScaledObject = await kedaVerifiers[0]!.load();
const ofKind = (documents: RenderedDocument[], kind: string) =>
  documents.filter((d) => d.value.kind === kind).map((d) => d.value as Record<string, any>);

/** A system whose `worker` subscribes to `order.created` (6 partitions) with the given subscription and service fields. */
function spec(broker: string, subscription: string, service = ''): string {
  return specFile(
    [
      'apiVersion: hamesh.dev/v1',
      'kind: System',
      'metadata: { name: shop, namespace: shop }',
      `broker: ${broker}`,
      'services:',
      '  checkout: { image: "checkout:1", publishes: [order.created] }',
      `  worker: { image: "worker:1", ${service} subscribes: { order.created: ${subscription} } }`,
      'events:',
      '  order.created: { partitions: 6 }',
    ].join('\n'),
    'system.yaml',
  );
}

describe('lag autoscaling (subscribes.<event>.autoscale)', () => {
  it('emits a KEDA ScaledObject with the Kafka scaler, capped at the partitions, and no HPA', async () => {
    const file = spec(
      '{ cluster: events, namespace: kafka }',
      '{ autoscale: { lag: 50, min: 2, max: 10 } }',
      'autoscale: { min: 3, max: 8 },',
    );
    const documents = render(await resolveFile(file), 'kubernetes');
    const [scaledObject, ...more] = ofKind(documents, 'ScaledObject');
    expect(more).toEqual([]);
    expect(ofKind(documents, 'HorizontalPodAutoscaler').map((hpa) => hpa.metadata.name)).toEqual([]);
    expect(scaledObject).toMatchObject({
      apiVersion: 'keda.sh/v1alpha1',
      metadata: { name: 'worker', namespace: 'shop' },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'worker' },
        // The largest min (CPU autoscale's 3), the largest max after capping the lag max at 6 partitions (CPU's 8).
        minReplicaCount: 3,
        maxReplicaCount: 8,
        triggers: [
          {
            type: 'kafka',
            metadata: {
              bootstrapServers: 'events-kafka-bootstrap.kafka.svc:9092',
              consumerGroup: 'worker',
              topic: 'order.created',
              lagThreshold: '50',
            },
          },
          { type: 'cpu', metricType: 'Utilization', metadata: { value: '70' } },
        ],
      },
    });
    expect(verifyScaledObject(scaledObject!)).toEqual([]);
    // KEDA owns the replica count: the Deployment leaves it out.
    expect(ofKind(documents, 'Deployment').find((d) => d.metadata.name === 'worker')!.spec.replicas).toBeUndefined();
  });

  it('caps maxReplicaCount at the partitions and defaults min to the tier replicas and max to the partitions', async () => {
    const capped = ofKind(
      render(await resolveFile(spec('{}', '{ autoscale: { lag: 10, max: 12 } }')), 'kubernetes'),
      'ScaledObject',
    )[0]!;
    expect(capped.spec).toMatchObject({ minReplicaCount: 2, maxReplicaCount: 6 });
    const defaults = ofKind(
      render(await resolveFile(spec('{}', '{ autoscale: { lag: 10 } }')), 'kubernetes'),
      'ScaledObject',
    )[0]!;
    expect(defaults.spec).toMatchObject({ minReplicaCount: 2, maxReplicaCount: 6 });
  });

  it('uses the NATS JetStream scaler on the durable consumer with broker kind nats', async () => {
    const file = spec(
      '{ kind: nats, cluster: nats, namespace: messaging }',
      '{ group: order.workers, autoscale: { lag: 20, max: 9 } }',
    );
    const scaledObject = ofKind(render(await resolveFile(file), 'kubernetes'), 'ScaledObject')[0]!;
    expect(scaledObject.spec.maxReplicaCount).toBe(9);
    expect(scaledObject.spec.triggers).toEqual([
      {
        type: 'nats-jetstream',
        metadata: {
          natsServerMonitoringEndpoint: 'nats.messaging.svc:8222',
          account: '$G',
          stream: 'ORDER_CREATED',
          consumer: 'order_workers',
          lagThreshold: '20',
        },
      },
    ]);
    expect(verifyScaledObject(scaledObject)).toEqual([]);
  });

  it('needs max on NATS and min <= max, as located validation errors', async () => {
    const nats = await analyze(spec('{ kind: nats }', '{ autoscale: { lag: 20 } }'));
    expect(nats.diagnostics).toEqual([
      expect.objectContaining({
        rule: 'invalid-value',
        path: '/services/worker/subscribes/order.created/autoscale',
        line: 7,
        message: expect.stringContaining('needs `max`'),
      }),
    ]);
    const inverted = await analyze(spec('{}', '{ autoscale: { lag: 20, min: 5, max: 2 } }'));
    expect(inverted.diagnostics).toEqual([
      expect.objectContaining({
        path: '/services/worker/subscribes/order.created/autoscale/max',
        message: 'must be at least autoscale.min (5)',
      }),
    ]);
  });

  it('rejects unknown fields and non-string trigger metadata in verification', () => {
    const problems = verifyScaledObject({
      apiVersion: 'keda.sh/v1alpha1',
      kind: 'ScaledObject',
      metadata: { name: 'worker' },
      spec: {
        scaleTargetRef: { name: 'worker' },
        maxReplicas: 3,
        triggers: [{ type: 'kafka', metadata: { lagThreshold: 5 } }],
      },
    });
    expect(problems.map((p) => p.pointer)).toEqual(
      expect.arrayContaining(['/spec/maxReplicas', '/spec/triggers/0/metadata/lagThreshold']),
    );
  });
});
