import { describe, expect, it } from 'vitest';
import { documentsOf, find } from '../helpers/render.js';
import { system } from '../helpers/spec.js';

const image = 'ghcr.io/acme/app:1.0.0';

describe('volumes, init containers and sidecars', () => {
  it('mounts volumes, runs init containers in order and sidecars next to the service, all verified upstream', async () => {
    const docs = await documentsOf(
      system({
        web: { image, probes: { readiness: '/ready' } },
        loadgen: {
          image,
          ports: {},
          calls: ['web'],
          security: { runAsUser: 1000, readOnlyRootFilesystem: true },
          volumes: {
            scratch: { path: '/tmp', emptyDir: { sizeLimit: '64Mi', medium: 'Memory' } },
            settings: { path: '/etc/loadgen', config: 'loadgen-settings' },
            token: { path: '/var/run/token', secret: 'api-token', readOnly: true },
          },
          init: [
            { name: 'migrate', image: 'ghcr.io/acme/migrate:1', args: ['up'], mounts: { settings: '/config' } },
            {
              name: 'wait-for-web',
              image: 'busybox:1.36',
              command: ['/bin/sh', '-c', 'until wget -q -O- "http://$WEB/ready"; do sleep 2; done'],
              network: true,
              env: { WEB: { address: 'web' } },
              security: { runAsUser: 2000 },
            },
          ],
          sidecars: [
            {
              name: 'exporter',
              image: 'ghcr.io/acme/exporter:2',
              ports: { metrics: { port: 9100 } },
              probes: { readiness: '/metrics' },
              mounts: { scratch: '/data' },
              resources: { cpu: '10m', memory: '32Mi' },
            },
          ],
        },
      }),
    );
    const pod = find(docs, 'Deployment', 'loadgen').spec.template;
    expect(pod.metadata.annotations).toEqual({ 'sidecar.istio.io/nativeSidecar': 'true' });
    expect(pod.spec.volumes).toEqual([
      { name: 'scratch', emptyDir: { sizeLimit: '64Mi', medium: 'Memory' } },
      { name: 'settings', configMap: { name: 'loadgen-settings' } },
      { name: 'token', secret: { secretName: 'api-token' } },
    ]);
    const [main, sidecar] = pod.spec.containers;
    expect(main.volumeMounts).toEqual([
      { name: 'scratch', mountPath: '/tmp' },
      { name: 'settings', mountPath: '/etc/loadgen' },
      { name: 'token', mountPath: '/var/run/token', readOnly: true },
    ]);
    expect(pod.spec.initContainers.map((c: { name: string }) => c.name)).toEqual(['migrate', 'wait-for-web']);
    const [migrate, wait] = pod.spec.initContainers;
    expect(migrate).toEqual({
      name: 'migrate',
      image: 'ghcr.io/acme/migrate:1',
      args: ['up'],
      volumeMounts: [{ name: 'settings', mountPath: '/config' }],
      securityContext: {
        allowPrivilegeEscalation: false,
        capabilities: { drop: ['ALL'] },
        readOnlyRootFilesystem: true,
      },
    });
    expect(wait.env).toEqual([{ name: 'WEB', value: 'web.demo.svc.cluster.local:8080' }]);
    expect(wait.securityContext.runAsUser).toBe(2000);
    expect(sidecar).toMatchObject({
      name: 'exporter',
      ports: [{ name: 'http-metrics', containerPort: 9100, protocol: 'TCP' }],
      readinessProbe: { httpGet: { path: '/metrics', port: 'http-metrics' } },
      resources: { requests: { cpu: '10m', memory: '32Mi' }, limits: { memory: '32Mi' } },
      volumeMounts: [{ name: 'scratch', mountPath: '/data' }],
    });
    // A worker with a sidecar port has a Service for that port only.
    expect(find(docs, 'Service', 'loadgen').spec.ports).toEqual([
      { name: 'http-metrics', port: 9100, targetPort: 'http-metrics', protocol: 'TCP', appProtocol: 'http' },
    ]);
  });

  it("resolves a `resource` reference against the container whose env it is (a sidecar's own limits, not the service's)", async () => {
    const docs = await documentsOf(
      system({
        api: {
          image,
          resources: { cpu: '500m', memory: '256Mi' },
          env: { GOMAXPROCS: { resource: 'limits.cpu' } },
          init: [
            {
              name: 'prepare',
              image,
              env: { MEMORY: { resource: 'requests.memory', divisor: '1Mi' } },
              resources: { memory: '64Mi' },
            },
          ],
          sidecars: [
            {
              name: 'proxy',
              image,
              env: { MEMORY_LIMIT: { resource: 'limits.memory' } },
              resources: { cpu: '50m', memory: '32Mi' },
            },
          ],
        },
      }),
    );
    const pod = find(docs, 'Deployment', 'api').spec.template.spec;
    const refOf = (container: { env: Array<{ valueFrom: { resourceFieldRef: object } }> }) =>
      container.env[0]!.valueFrom.resourceFieldRef;
    expect(refOf(pod.containers[0])).toEqual({ containerName: 'api', resource: 'limits.cpu' });
    expect(refOf(pod.containers[1])).toEqual({ containerName: 'proxy', resource: 'limits.memory' });
    expect(refOf(pod.initContainers[0])).toEqual({
      containerName: 'prepare',
      resource: 'requests.memory',
      divisor: '1Mi',
    });
  });

  it('leaves the pod alone without volumes, init containers or sidecars', async () => {
    const pod = find(await documentsOf(system({ api: { image } })), 'Deployment', 'api').spec.template;
    expect(pod.metadata.annotations).toBeUndefined();
    expect(pod.spec.initContainers).toBeUndefined();
    expect(pod.spec.volumes).toBeUndefined();
    expect(pod.spec.containers).toHaveLength(1);
  });
});

describe('StatefulSets', () => {
  it('renders a StatefulSet with a claim per pod, a ClusterIP Service and a headless one it names, and an HPA on it', async () => {
    const docs = await documentsOf(
      system({
        cache: {
          image: 'redis:7',
          workload: 'statefulset',
          ports: { redis: { port: 6379, protocol: 'tcp' } },
          storage: { data: { size: '1Gi', path: '/data', class: 'fast-ssd' } },
          volumes: { tmp: { path: '/tmp' } },
          autoscale: { min: 2, max: 4 },
          resources: { cpu: '100m' },
        },
      }),
    );
    const set = find(docs, 'StatefulSet', 'cache');
    expect(set.spec.serviceName).toBe('cache-headless');
    expect(set.spec.volumeClaimTemplates).toEqual([
      {
        metadata: { name: 'data' },
        spec: {
          accessModes: ['ReadWriteOnce'],
          storageClassName: 'fast-ssd',
          resources: { requests: { storage: '1Gi' } },
        },
      },
    ]);
    expect(set.spec.template.spec.containers[0].volumeMounts).toEqual([
      { name: 'data', mountPath: '/data' },
      { name: 'tmp', mountPath: '/tmp' },
    ]);
    expect(set.spec.template.spec.topologySpreadConstraints[0].matchLabelKeys).toBeUndefined();
    expect(find(docs, 'Service', 'cache').spec.clusterIP).toBeUndefined();
    expect(find(docs, 'Service', 'cache-headless').spec).toEqual({
      clusterIP: 'None',
      publishNotReadyAddresses: true,
      selector: { app: 'cache' },
      ports: [{ name: 'tcp-redis', port: 6379, targetPort: 'tcp-redis', protocol: 'TCP', appProtocol: 'tcp' }],
    });
    expect(find(docs, 'HorizontalPodAutoscaler', 'cache').spec.scaleTargetRef).toEqual({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      name: 'cache',
    });
    expect(find(docs, 'PodDisruptionBudget', 'cache').spec.selector).toEqual({ matchLabels: { app: 'cache' } });
    expect(docs.some((d) => d.value.kind === 'Deployment')).toBe(false);
  });
});
