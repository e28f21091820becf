import { describe, expect, it } from 'vitest';
import { validate } from '../../src/validate/validate.js';
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

  it('reports a name another Service takes, a port it does not expose and a worker', () => {
    const findings = validate(
      system({
        web: { image, service: { external: { name: 'api', ports: ['htp'] } } },
        api: { image },
        db: { image, workload: 'statefulset', service: { external: { name: 'db-headless' } } },
        worker: { image, ports: {}, service: { external: {} } },
      }),
    ).diagnostics.map((d) => [d.rule, d.path, d.message]);
    expect(findings.sort()).toEqual([
      [
        'invalid-value',
        '/services/db/service/external/name',
        "gives 'db' a second Service named 'db-headless', which is its own: set another `name`",
      ],
      [
        'invalid-value',
        '/services/web/service/external/name',
        "gives 'web' a second Service named 'api', which 'api' takes too: set another `name`",
      ],
      [
        'invalid-value',
        '/services/worker/service/external',
        "needs an exposed port, and 'worker' has none: add one to `ports`",
      ],
      [
        'unknown-reference',
        '/services/web/service/external/ports/0',
        "refers to port 'htp', which 'web' does not expose (its exposed ports: http)",
      ],
    ]);
  });
});
