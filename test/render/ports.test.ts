import { describe, expect, it } from 'vitest';
import { documentsOf, find } from '../helpers/render.js';
import { system } from '../helpers/spec.js';

const image = 'ghcr.io/acme/app:1.0.0';
const kinds = (docs: Awaited<ReturnType<typeof documentsOf>>, name: string) =>
  docs.filter((d) => (d.value.metadata as { name: string }).name === name).map((d) => d.value.kind);

describe('ports', () => {
  it('exposes named ports on their servicePort, keeps expose: false off the Service and names each by its protocol', async () => {
    const docs = await documentsOf(
      system({
        web: {
          image,
          ports: {
            http: { port: 8080, servicePort: 80 },
            admin: { port: 9000, protocol: 'grpc' },
            metrics: { port: 9090, expose: false },
          },
          probes: { readiness: '/ready' },
        },
      }),
    );
    const container = find(docs, 'Deployment', 'web').spec.template.spec.containers[0];
    expect(container.ports).toEqual([
      { name: 'http', containerPort: 8080, protocol: 'TCP' },
      { name: 'grpc-admin', containerPort: 9000, protocol: 'TCP' },
      { name: 'http-metrics', containerPort: 9090, protocol: 'TCP' },
    ]);
    // Probes default to the main port: the first exposed one.
    expect(container.readinessProbe).toEqual({ httpGet: { path: '/ready', port: 'http' } });
    expect(find(docs, 'Service', 'web').spec.ports).toEqual([
      { name: 'http', port: 80, targetPort: 'http', protocol: 'TCP', appProtocol: 'http' },
      { name: 'grpc-admin', port: 9000, targetPort: 'grpc-admin', protocol: 'TCP', appProtocol: 'grpc' },
    ]);
  });

  it('gives a worker (ports: {}) no Service, no route, no invented port, and an AuthorizationPolicy that admits nobody', async () => {
    const docs = await documentsOf(
      system({ worker: { image, ports: {}, timeout: '1s', versions: { a: { weight: 50 }, b: { weight: 50 } } } }),
    );
    expect(kinds(docs, 'worker').sort()).toEqual([
      'AuthorizationPolicy',
      'PodDisruptionBudget',
      'ServiceAccount',
      'Sidecar',
    ]);
    for (const version of ['worker-a', 'worker-b']) {
      expect(find(docs, 'Deployment', version).spec.template.spec.containers[0].ports).toBeUndefined();
    }
    expect(find(docs, 'AuthorizationPolicy', 'worker').spec.rules).toBeUndefined();
  });

  it('serves UDP without a mesh route, and routes HTTP and TCP ports of one service side by side', async () => {
    const docs = await documentsOf(
      system({
        dns: { image, ports: { dns: { port: 53, protocol: 'udp' } }, loadBalancer: 'random' },
        mixed: {
          image,
          ports: { http: { port: 8080 }, redis: { port: 6379, protocol: 'tcp' } },
          versions: { v1: { weight: 90 }, v2: { weight: 10 } },
        },
      }),
    );
    expect(find(docs, 'Service', 'dns').spec.ports).toEqual([
      { name: 'udp-dns', port: 53, targetPort: 'udp-dns', protocol: 'UDP' },
    ]);
    expect(kinds(docs, 'dns')).not.toContain('VirtualService');
    expect(kinds(docs, 'dns')).not.toContain('DestinationRule');
    const route = find(docs, 'VirtualService', 'mixed').spec;
    expect(route.http[0].route).toEqual(route.tcp[0].route);
    expect(route.tcp[0].route.map((r: { weight: number }) => r.weight)).toEqual([90, 10]);
  });

  it('keeps the one-port shorthand as it was: one port named after its protocol', async () => {
    const docs = await documentsOf(
      system({ cache: { image, port: 6379, protocol: 'tcp', probes: { readiness: { tcp: true } } } }),
    );
    expect(find(docs, 'Service', 'cache').spec.ports).toEqual([
      { name: 'tcp', port: 6379, targetPort: 'tcp', protocol: 'TCP', appProtocol: 'tcp' },
    ]);
    expect(find(docs, 'Deployment', 'cache').spec.template.spec.containers[0].readinessProbe).toEqual({
      tcpSocket: { port: 'tcp' },
    });
  });
});
