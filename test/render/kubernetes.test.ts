import { describe, expect, it } from 'vitest';
import { cpuQuantity, memoryQuantity } from '../../src/render/kubernetes/quantity.js';
import { documentsOf, find } from '../helpers/render.js';
import { system } from '../helpers/spec.js';

const image = 'ghcr.io/acme/app:1.0.0';

describe('Kubernetes objects', () => {
  it('leaves replicas to the HPA when autoscaling and spreads across zones', async () => {
    const docs = await documentsOf(
      system({ api: { image, autoscale: { min: 3, max: 9 }, resources: { cpu: 0.5, memory: '1024Mi' } } }),
    );
    const deployment = find(docs, 'Deployment', 'api');
    expect(deployment.spec.replicas).toBeUndefined();
    expect(deployment.spec.template.spec.topologySpreadConstraints[0].topologyKey).toBe('topology.kubernetes.io/zone');
    expect(deployment.spec.template.spec.containers[0].resources).toEqual({
      requests: { cpu: '500m', memory: '1Gi' },
      limits: { memory: '1Gi' },
    });
    expect(find(docs, 'HorizontalPodAutoscaler', 'api').spec).toMatchObject({
      minReplicas: 3,
      maxReplicas: 9,
      scaleTargetRef: { name: 'api' },
    });
    expect(find(docs, 'PodDisruptionBudget', 'api').spec).toEqual({
      selector: { matchLabels: { app: 'api' } },
      maxUnavailable: 1,
    });
  });

  it('spreads over zones hard only where zones are declared, without minDomains (a zone outage must not block replacements)', async () => {
    const spread = async (extra: object) =>
      find(await documentsOf(system({ api: { image } }, extra)), 'Deployment', 'api').spec.template.spec
        .topologySpreadConstraints[0];
    // No zones: nodes may carry no zone label at all, so only a preference (a hard constraint would leave pods Pending).
    expect(await spread({})).toEqual({
      maxSkew: 1,
      topologyKey: 'topology.kubernetes.io/zone',
      whenUnsatisfiable: 'ScheduleAnyway',
      labelSelector: { matchLabels: { app: 'api' } },
      matchLabelKeys: ['pod-template-hash'],
    });
    // Zones: hard, tainted (failed) nodes do not count, and no minDomains, so surviving zones take the replacements.
    const hard = await spread({ zones: ['a', 'b', 'c'] });
    expect(hard).toMatchObject({ whenUnsatisfiable: 'DoNotSchedule', nodeTaintsPolicy: 'Honor' });
    expect(hard.minDomains).toBeUndefined();
  });

  it('has no PodDisruptionBudget for a single replica, node spread and the protocol in the port name', async () => {
    const docs = await documentsOf(
      system({
        one: { image, replicas: 1, spread: 'node', protocol: 'grpc', port: 9090, probes: { readiness: 'grpc' } },
      }),
    );
    expect(docs.some((d) => d.value.kind === 'PodDisruptionBudget')).toBe(false);
    const pod = find(docs, 'Deployment', 'one').spec.template.spec;
    expect(pod.topologySpreadConstraints[0]).toMatchObject({
      topologyKey: 'kubernetes.io/hostname',
      whenUnsatisfiable: 'ScheduleAnyway',
    });
    expect(pod.containers[0].readinessProbe).toEqual({ grpc: { port: 9090 } });
    expect(find(docs, 'Service', 'one').spec.ports).toEqual([
      { name: 'grpc', port: 9090, targetPort: 'grpc', protocol: 'TCP', appProtocol: 'grpc' },
    ]);
    expect(find(docs, 'Deployment', 'one').metadata.labels).toMatchObject({
      app: 'one',
      version: '1.0.0',
      'app.kubernetes.io/managed-by': 'hamesh',
    });
  });

  it('emits a disruption budget the spec sets even when autoscaling starts at one replica', async () => {
    const docs = await documentsOf(
      system({
        api: {
          image,
          autoscale: { min: 1, max: 10 },
          resources: { cpu: '250m' },
          disruption: { maxUnavailable: '25%' },
        },
        lone: { image, autoscale: { min: 1, max: 4 } },
      }),
    );
    expect(find(docs, 'PodDisruptionBudget', 'api').spec).toEqual({
      selector: { matchLabels: { app: 'api' } },
      maxUnavailable: '25%',
    });
    // Without one, a service starting at a single replica gets no default budget.
    expect(
      docs.some(
        (d) => d.value.kind === 'PodDisruptionBudget' && (d.value.metadata as { name: string }).name === 'lone',
      ),
    ).toBe(false);
  });

  it('normalizes quantities', () => {
    expect([cpuQuantity(2), cpuQuantity('1500m'), cpuQuantity('0.25'), cpuQuantity('1000m')]).toEqual([
      '2',
      '1500m',
      '250m',
      '1',
    ]);
    expect([memoryQuantity('2048Ki'), memoryQuantity('1536Mi'), memoryQuantity('1G'), memoryQuantity(1000)]).toEqual([
      '2Mi',
      '1536Mi',
      '1G',
      '1000',
    ]);
  });
});
