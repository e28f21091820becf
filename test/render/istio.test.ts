import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { documentsOf, find } from '../helpers/render.js';
import { specFile, system } from '../helpers/spec.js';

const image = 'ghcr.io/acme/app:1.0.0';

describe('Istio objects', () => {
  it('weights version subsets 90/10 in the VirtualService and declares both subsets', async () => {
    const docs = await documentsOf(
      system({ api: { image, versions: { v1: { weight: 90 }, v2: { weight: 10, image: 'ghcr.io/acme/app:2.0.0' } } } }),
    );
    const vs = find(docs, 'VirtualService', 'api');
    expect(vs.spec.http).toEqual([
      {
        route: [
          { destination: { host: 'api', subset: 'v1' }, weight: 90 },
          { destination: { host: 'api', subset: 'v2' }, weight: 10 },
        ],
      },
    ]);
    expect(find(docs, 'DestinationRule', 'api').spec.subsets).toEqual([
      { name: 'v1', labels: { version: 'v1' } },
      { name: 'v2', labels: { version: 'v2' } },
    ]);
    expect(find(docs, 'Deployment', 'api-v2').spec.template.spec.containers[0].image).toBe('ghcr.io/acme/app:2.0.0');
    expect(find(docs, 'Deployment', 'api-v1').spec.selector.matchLabels).toEqual({ app: 'api', version: 'v1' });
  });

  it('brings outlierDetection (Istio defaults) along with locality failover', async () => {
    const docs = await documentsOf(system({ api: { image, failover: [{ from: 'eu-west-1', to: 'eu-central-1' }] } }));
    expect(find(docs, 'DestinationRule', 'api').spec.trafficPolicy).toEqual({
      loadBalancer: { localityLbSetting: { enabled: true, failover: [{ from: 'eu-west-1', to: 'eu-central-1' }] } },
      outlierDetection: { consecutive5xxErrors: 5, interval: '10s', baseEjectionTime: '30s', maxEjectionPercent: 10 },
    });
  });

  it('emits only what the spec asks for: no retries block, no VirtualService or DestinationRule for a plain service', async () => {
    const docs = await documentsOf(
      system({ plain: { image }, timed: { image, timeout: '1m30s' }, off: { image, retries: { attempts: 0 } } }),
    );
    expect(
      docs.some((d) => d.value.kind === 'VirtualService' && (d.value.metadata as { name: string }).name === 'plain'),
    ).toBe(false);
    expect(docs.some((d) => d.value.kind === 'DestinationRule')).toBe(false);
    expect(find(docs, 'VirtualService', 'timed').spec.http).toEqual([
      { route: [{ destination: { host: 'timed' } }], timeout: '1m30s' },
    ]);
    expect(find(docs, 'VirtualService', 'off').spec.http[0].retries).toEqual({ attempts: 0 });
  });

  it('maps circuitBreaker and load balancing into the DestinationRule', async () => {
    const circuitBreaker = {
      consecutiveErrors: 3,
      interval: '5s',
      baseEjectionTime: '1m',
      maxEjectionPercent: 50,
      maxConnections: 100,
      maxPendingRequests: 10,
    };
    const docs = await documentsOf(
      system({ api: { image, circuitBreaker, loadBalancer: { consistentHash: { cookie: 'session' } } } }),
    );
    expect(find(docs, 'DestinationRule', 'api').spec.trafficPolicy).toEqual({
      // Envoy generates no cookie without a ttl: 0s makes it a session cookie.
      loadBalancer: { consistentHash: { httpCookie: { name: 'session', ttl: '0s' } } },
      connectionPool: { tcp: { maxConnections: 100 }, http: { http1MaxPendingRequests: 10 } },
      outlierDetection: { consecutive5xxErrors: 3, interval: '5s', baseEjectionTime: '1m', maxEjectionPercent: 50 },
    });
  });

  it('emits a cookie hash with the ttl and path given', async () => {
    const docs = await documentsOf(
      system({ api: { image, loadBalancer: { consistentHash: { cookie: { name: 'sid', ttl: '1h', path: '/' } } } } }),
    );
    expect(find(docs, 'DestinationRule', 'api').spec.trafficPolicy.loadBalancer).toEqual({
      consistentHash: { httpCookie: { name: 'sid', path: '/', ttl: '1h' } },
    });
  });

  it('admits only declared callers, the ingress gateway for ingress, and no one to an uncalled service', async () => {
    const docs = await documentsOf(
      system(
        {
          web: { image, calls: ['api'], ingress: { hosts: ['shop.example.com'] } },
          admin: { image, calls: ['api'] },
          api: { image },
          worker: { image },
        },
        { metadata: { name: 'demo', namespace: 'prod' } },
      ),
    );
    expect(find(docs, 'AuthorizationPolicy', 'api').spec.rules).toEqual([
      { from: [{ source: { principals: ['cluster.local/ns/prod/sa/admin', 'cluster.local/ns/prod/sa/web'] } }] },
    ]);
    // The ingress gateway's identity, not its namespace (which would admit every workload there).
    expect(find(docs, 'AuthorizationPolicy', 'web').spec.rules).toEqual([
      { from: [{ source: { principals: ['cluster.local/ns/istio-system/sa/istio-ingressgateway-service-account'] } }] },
    ]);
    expect(find(docs, 'AuthorizationPolicy', 'worker').spec).toEqual({
      selector: { matchLabels: { app: 'worker' } },
      action: 'ALLOW',
    });
    // The gateway-bound VirtualService lists the external hosts only; in-mesh callers need none here.
    const vs = find(docs, 'VirtualService', 'shop.example.com');
    expect(vs.spec.hosts).toEqual(['shop.example.com']);
    expect(vs.spec.gateways).toEqual(['demo-gateway']);
    expect(
      docs.some((d) => d.value.kind === 'VirtualService' && (d.value.metadata as { name: string }).name === 'web'),
    ).toBe(false);
    expect(find(docs, 'PeerAuthentication', 'default').spec).toEqual({ mtls: { mode: 'STRICT' } });
  });

  it('refuses an ingress host VirtualService name taken by a service', async () => {
    const spec = specFile(system({ web: { image, ingress: { hosts: ['*'] } }, wildcard: { image } }));
    const run = runCli(['build', spec, '--target', 'istio']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      "/services/web/ingress/hosts/0 the VirtualService of the ingress host \"*\" is named 'wildcard', like the service 'wildcard'",
    );
  });

  it('routes a TCP service with tcp routes only', async () => {
    const docs = await documentsOf(
      system({
        cache: {
          image,
          protocol: 'tcp',
          port: 6379,
          timeout: '1s',
          versions: { a: { weight: 50 }, b: { weight: 50 } },
        },
      }),
    );
    const vs = find(docs, 'VirtualService', 'cache');
    expect(vs.spec.http).toBeUndefined();
    expect(vs.spec.tcp[0].route).toHaveLength(2);
  });
});
