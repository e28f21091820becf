import { describe, expect, it } from 'vitest';
import { documentsOf, find } from '../helpers/render.js';
import { system } from '../helpers/spec.js';

const image = 'ghcr.io/acme/app:1.0.0';

describe('service.external', () => {
  it('adds a LoadBalancer <name>-external next to the ClusterIP Service, on every exposed port unless it names some', async () => {
    const docs = await documentsOf(
      system({
        web: {
          image,
          ports: { http: { port: 8080, servicePort: 80 }, metrics: { port: 9090 } },
          service: { external: {} },
        },
        api: {
          image,
          ports: { http: { port: 8080 }, admin: { port: 9000 } },
          service: {
            external: {
              name: 'public-api',
              type: 'NodePort',
              ports: ['http'],
              annotations: { 'example.com/lb': 'internal' },
            },
          },
        },
      }),
    );
    expect(find(docs, 'Service', 'web').spec.type).toBeUndefined();
    expect(find(docs, 'Service', 'web-external').spec).toEqual({
      type: 'LoadBalancer',
      selector: { app: 'web' },
      ports: [
        { name: 'http', port: 80, targetPort: 'http', protocol: 'TCP', appProtocol: 'http' },
        { name: 'http-metrics', port: 9090, targetPort: 'http-metrics', protocol: 'TCP', appProtocol: 'http' },
      ],
    });
    const api = find(docs, 'Service', 'public-api');
    expect(api.metadata.annotations).toEqual({ 'example.com/lb': 'internal' });
    expect(api.spec.type).toBe('NodePort');
    expect(api.spec.ports.map((p: { name: string }) => p.name)).toEqual(['http']);
  });
});
