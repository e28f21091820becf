import { describe, expect, it } from 'vitest';
import { documentsOf, find, target } from '../helpers/render.js';
import { resolveSpec, system } from '../helpers/spec.js';

const image = 'ghcr.io/acme/app:1.0.0';
const breaker = {
  consecutiveErrors: 3,
  interval: '5s',
  baseEjectionTime: '1m',
  maxEjectionPercent: 100,
  maxConnections: 50,
};
const ofKind = (docs: Awaited<ReturnType<typeof documentsOf>>, kind: string) =>
  docs.filter((d) => d.value.kind === kind).map((d) => d.value as Record<string, any>);

describe('externals', () => {
  it('emits a MESH_EXTERNAL ServiceEntry with DNS resolution, in externals/<name>/istio.yaml, verified strictly', async () => {
    const docs = await documentsOf(
      system(
        { checkout: { image, calls: ['stripe'] } },
        { externals: { stripe: { hosts: ['api.stripe.com'], ports: { https: { port: 443, protocol: 'https' } } } } },
      ),
    );
    const entry = find(docs, 'ServiceEntry', 'stripe');
    expect(entry.apiVersion).toBe('networking.istio.io/v1');
    expect(entry.spec).toEqual({
      hosts: ['api.stripe.com'],
      location: 'MESH_EXTERNAL',
      ports: [{ number: 443, name: 'https', protocol: 'HTTPS' }],
      resolution: 'DNS',
    });
    expect(docs.find((d) => d.value.kind === 'ServiceEntry')!.file).toBe('manifests/externals/stripe/istio.yaml');
    // Nothing asked for a DestinationRule or VirtualService.
    expect(ofKind(docs, 'DestinationRule')).toEqual([]);
    expect(ofKind(docs, 'VirtualService')).toEqual([]);
  });

  it('defaults a wildcard host to resolution NONE and passes addresses and static endpoints through', async () => {
    const docs = await documentsOf(
      system(
        { app: { image } },
        {
          externals: {
            apis: { hosts: ['*.googleapis.com'], ports: { http: { port: 80, protocol: 'http' } } },
            metadata: {
              hosts: ['metadata.google.internal'],
              addresses: ['169.254.169.254'],
              ports: { http: { port: 80, protocol: 'http' } },
              resolution: 'none',
            },
            db: {
              hosts: ['db.internal.example'],
              ports: { pg: { port: 5432, protocol: 'tcp' } },
              resolution: 'static',
              endpoints: ['10.0.0.7', '10.0.0.8'],
            },
          },
        },
      ),
    );
    expect(find(docs, 'ServiceEntry', 'apis').spec.resolution).toBe('NONE');
    expect(find(docs, 'ServiceEntry', 'metadata').spec.addresses).toEqual(['169.254.169.254']);
    expect(find(docs, 'ServiceEntry', 'db').spec).toMatchObject({
      resolution: 'STATIC',
      endpoints: [{ address: '10.0.0.7' }, { address: '10.0.0.8' }],
    });
  });

  it('puts the circuit breaker and TLS origination in a DestinationRule per host, timeout and retries in a VirtualService per host', async () => {
    const docs = await documentsOf(
      system(
        { checkout: { image, calls: ['payments-api'] } },
        {
          externals: {
            'payments-api': {
              hosts: ['api.pay.example', 'eu.api.pay.example'],
              ports: { http: { port: 80, protocol: 'http', originateTls: true } },
              timeout: '2s',
              retries: { attempts: 1, perTryTimeout: '900ms', on: ['5xx'] },
              circuitBreaker: breaker,
            },
          },
        },
      ),
    );
    expect(find(docs, 'ServiceEntry', 'payments-api').spec.ports).toEqual([
      { number: 80, name: 'http', protocol: 'HTTP', targetPort: 443 },
    ]);
    expect(ofKind(docs, 'DestinationRule').map((d) => [d.metadata.name, d.spec.host])).toEqual([
      ['payments-api-1', 'api.pay.example'],
      ['payments-api-2', 'eu.api.pay.example'],
    ]);
    expect(find(docs, 'DestinationRule', 'payments-api-2').spec.trafficPolicy).toEqual({
      connectionPool: { tcp: { maxConnections: 50 } },
      outlierDetection: { consecutive5xxErrors: 3, interval: '5s', baseEjectionTime: '1m', maxEjectionPercent: 100 },
      portLevelSettings: [{ port: { number: 80 }, tls: { mode: 'SIMPLE', sni: 'eu.api.pay.example' } }],
    });
    expect(find(docs, 'VirtualService', 'payments-api-1').spec).toEqual({
      hosts: ['api.pay.example'],
      http: [
        {
          route: [{ destination: { host: 'api.pay.example', port: { number: 80 } } }],
          timeout: '2s',
          retries: { attempts: 1, perTryTimeout: '900ms', retryOn: '5xx' },
        },
      ],
    });
  });

  it('matches each HTTP port of an external with several', async () => {
    const docs = await documentsOf(
      system(
        { app: { image, calls: ['api'] } },
        {
          externals: {
            api: {
              hosts: ['api.example.com'],
              ports: { http: { port: 80, protocol: 'http' }, grpc: { port: 9000, protocol: 'grpc' } },
              timeout: '1s',
            },
          },
        },
      ),
    );
    expect(find(docs, 'VirtualService', 'api').spec.http.map((r: Record<string, any>) => r.match)).toEqual([
      [{ port: 80 }],
      [{ port: 9000 }],
    ]);
  });

  describe('object names', () => {
    const http = { http: { port: 80, protocol: 'http' as const } };
    const twoHosts = { hosts: ['a.example.com', 'b.example.com'] as [string, string], ports: http };
    const preflight = (spec: Parameters<typeof resolveSpec>[0]) => target('istio').preflight!(resolveSpec(spec));

    it("refuses an external's per-host VirtualService named like a service's", () => {
      const found = preflight({
        services: { a: { image, calls: ['api'] }, 'api-2': { image, retries: { attempts: 1 } } },
        externals: { api: { ...twoHosts, timeout: '2s' } },
      });
      expect(found).toEqual([
        {
          rule: 'external-name',
          severity: 'error',
          path: '/externals/api',
          message:
            "the VirtualService 'api-2' of the external 'api' has the name of the VirtualService of the service 'api-2': rename the external or the other one",
        },
      ]);
    });

    it("refuses an external's DestinationRule named like another external's, and one named like an ingress host's VirtualService", () => {
      const found = preflight({
        services: { a: { image, calls: ['api', 'api-1'], ingress: { hosts: ['web-1'] } } },
        externals: {
          api: { ...twoHosts, circuitBreaker: breaker },
          'api-1': { hosts: ['c.example.com'], ports: http, circuitBreaker: breaker },
          web: { hosts: ['d.example.com', 'e.example.com'], ports: http, retries: { attempts: 1 } },
        },
      });
      expect(found.map((d) => d.message)).toEqual([
        "the DestinationRule 'api-1' of the external 'api-1' has the name of the DestinationRule of the external 'api': rename the external or the other one",
        "the VirtualService 'web-1' of the external 'web' has the name of the VirtualService of the ingress host \"web-1\": rename the external or the other one",
      ]);
    });

    it('accepts a service named like an external object it does not emit', () => {
      // 'api-1' has no timeout, retries, versions or routes: no VirtualService of its own.
      expect(
        preflight({
          services: { a: { image, calls: ['api'] }, 'api-1': { image } },
          externals: { api: { ...twoHosts, timeout: '2s' } },
        }),
      ).toEqual([]);
    });
  });
});
