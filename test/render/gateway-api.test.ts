import { describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline.js';
import { target } from '../helpers/render.js';
import { specFile, system } from '../helpers/spec.js';

const image = 'ghcr.io/acme/app:1.0.0';
const all = ['namespace', 'kubernetes', 'istio', 'gateway-api'];

/** `build` with the given targets, verified strictly (schemas and cross-object references). */
async function built(spec: object | string, targets = all) {
  const file = typeof spec === 'string' ? spec : specFile(spec);
  const result = await build(file, { verify: true, lint: 'off', targets: targets.map(target) });
  const values = (result.documents ?? []).map((d) => d.value as Record<string, any>);
  return {
    values,
    of: (kind: string) => values.filter((v) => v.kind === kind),
    get: (kind: string, name: string) => {
      const found = values.find((v) => v.kind === kind && v.metadata.name === name);
      if (!found) throw new Error(`no ${kind} ${name} in ${values.map((v) => `${v.kind}/${v.metadata.name}`)}`);
      return found;
    },
    errors: result.diagnostics.filter((d) => d.severity === 'error'),
  };
}

const versions = { v1: { weight: 90 }, v2: { weight: 10, image: 'ghcr.io/acme/app:2.0.0' } };

describe('--target gateway-api: mesh routing (GAMMA)', () => {
  it('attaches an HTTPRoute to the Service and weights a Service per version, instead of a VirtualService', async () => {
    const out = await built(system({ web: { image, calls: ['api'] }, api: { image, versions, timeout: '1500ms' } }));
    expect(out.errors).toEqual([]);
    expect(out.of('VirtualService')).toEqual([]);
    const route = out.get('HTTPRoute', 'api');
    expect(route.apiVersion).toBe('gateway.networking.k8s.io/v1');
    expect(route.spec).toEqual({
      parentRefs: [{ group: '', kind: 'Service', name: 'api', port: 8080 }],
      rules: [
        {
          backendRefs: [
            { name: 'api-v1', port: 8080, weight: 90 },
            { name: 'api-v2', port: 8080, weight: 10 },
          ],
          timeouts: { request: '1s500ms' },
        },
      ],
    });
    expect(out.get('Service', 'api-v2').spec).toEqual({
      selector: { app: 'api', version: 'v2' },
      ports: [{ name: 'http', port: 8080, targetPort: 'http', protocol: 'TCP', appProtocol: 'http' }],
    });
    // The caller's egress scope knows the version Services it is routed to.
    expect(out.get('Sidecar', 'web').spec.egress[0].hosts).toEqual([
      './api-v1.demo.svc.cluster.local',
      './api-v2.demo.svc.cluster.local',
      './api.demo.svc.cluster.local',
      'istio-system/*',
    ]);
  });

  it('keeps the traffic policy in DestinationRules: without subsets, and the same for each version Service', async () => {
    const breaker = { consecutiveErrors: 3, interval: '5s', baseEjectionTime: '1m', maxEjectionPercent: 50 };
    const out = await built(system({ api: { image, versions, circuitBreaker: breaker } }));
    expect(out.errors).toEqual([]);
    const rules = out.of('DestinationRule');
    expect(rules.map((r) => [r.metadata.name, r.spec.host, r.spec.subsets])).toEqual([
      ['api', 'api', undefined],
      ['api-v1', 'api-v1', undefined],
      ['api-v2', 'api-v2', undefined],
    ]);
    expect(rules[1]!.spec.trafficPolicy).toEqual(rules[0]!.spec.trafficPolicy);
    expect(rules[0]!.spec.trafficPolicy.outlierDetection.consecutive5xxErrors).toBe(3);
  });

  it('translates matches: headers and query parameters (a prefix as a regex), uri, method; mirrors and per-route timeouts', async () => {
    const out = await built(
      system({
        api: {
          image,
          versions,
          routes: [
            { match: { uri: { prefix: '/shadow' } }, mirror: { version: 'v2', percent: 12.5 } },
            { match: { uri: { exact: '/all' } }, mirror: { version: 'v2', percent: 50 } },
            {
              name: 'beta',
              match: [
                { headers: { 'x-beta': { prefix: 'yes.' }, 'end-user': { exact: 'jason' } }, method: 'GET' },
                { uri: { regex: '/v[0-9]+/beta' }, queryParams: { tier: { exact: 'gold' } } },
              ],
              to: 'v2',
              timeout: '3s',
            },
          ],
        },
      }),
    );
    expect(out.errors).toEqual([]);
    const [shadow, mirrored, beta, fallback] = out.get('HTTPRoute', 'api').spec.rules;
    expect(beta).toEqual({
      name: 'beta',
      matches: [
        {
          headers: [
            { name: 'end-user', type: 'Exact', value: 'jason' },
            { name: 'x-beta', type: 'RegularExpression', value: 'yes\\..*' },
          ],
          method: 'GET',
        },
        {
          path: { type: 'RegularExpression', value: '/v[0-9]+/beta' },
          queryParams: [{ name: 'tier', type: 'Exact', value: 'gold' }],
        },
      ],
      backendRefs: [{ name: 'api-v2', port: 8080 }],
      timeouts: { request: '3s' },
    });
    expect(shadow.filters).toEqual([
      {
        type: 'RequestMirror',
        requestMirror: {
          backendRef: { name: 'api-v2', port: 8080 },
          fraction: { numerator: 125, denominator: 1000 },
        },
      },
    ]);
    expect(mirrored.filters[0].requestMirror.percent).toBe(50);
    expect(fallback).toEqual({
      backendRefs: [
        { name: 'api-v1', port: 8080, weight: 90 },
        { name: 'api-v2', port: 8080, weight: 10 },
      ],
    });
  });

  it('emits nothing for a service that asks for no routing', async () => {
    const out = await built(system({ api: { image } }));
    expect(out.of('HTTPRoute')).toEqual([]);
    expect(out.of('Service').map((s) => s.metadata.name)).toEqual(['api']);
  });
});

describe('--target gateway-api: ingress', () => {
  it('emits a Gateway of class istio with a listener per host, TLS terminated, and plain HTTP redirected', async () => {
    const out = await built(
      system({
        web: { image, ingress: { hosts: ['shop.example.com'], tls: { credentialName: 'shop-cert' } } },
        api: { image, ingress: { hosts: ['api.example.com'], paths: [{ prefix: '/v1' }, { exact: '/health' }] } },
      }),
    );
    expect(out.errors).toEqual([]);
    expect(out.of('VirtualService')).toEqual([]);
    expect(out.values.filter((v) => v.apiVersion.startsWith('networking.istio.io') && v.kind === 'Gateway')).toEqual(
      [],
    );
    const allowedRoutes = { namespaces: { from: 'Same' } };
    expect(out.get('Gateway', 'demo-gateway').spec).toEqual({
      gatewayClassName: 'istio',
      listeners: [
        { name: 'http-api.example.com', hostname: 'api.example.com', port: 80, protocol: 'HTTP', allowedRoutes },
        { name: 'http-shop.example.com', hostname: 'shop.example.com', port: 80, protocol: 'HTTP', allowedRoutes },
        {
          name: 'https-shop.example.com',
          hostname: 'shop.example.com',
          port: 443,
          protocol: 'HTTPS',
          tls: { mode: 'Terminate', certificateRefs: [{ kind: 'Secret', name: 'shop-cert' }] },
          allowedRoutes,
        },
      ],
    });
    expect(out.get('HTTPRoute', 'api.example.com').spec).toEqual({
      parentRefs: [{ name: 'demo-gateway', sectionName: 'http-api.example.com' }],
      hostnames: ['api.example.com'],
      rules: [
        {
          matches: [{ path: { type: 'PathPrefix', value: '/v1' } }, { path: { type: 'Exact', value: '/health' } }],
          backendRefs: [{ name: 'api', port: 8080 }],
        },
      ],
    });
    expect(out.get('HTTPRoute', 'shop.example.com').spec.parentRefs).toEqual([
      { name: 'demo-gateway', sectionName: 'https-shop.example.com' },
    ]);
    expect(out.get('HTTPRoute', 'shop.example.com-https-redirect').spec).toEqual({
      parentRefs: [{ name: 'demo-gateway', sectionName: 'http-shop.example.com' }],
      hostnames: ['shop.example.com'],
      rules: [{ filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } }] }],
    });
    // The gateway Istio deploys for the Gateway runs as <gateway>-istio: the AuthorizationPolicy admits it.
    expect(out.get('AuthorizationPolicy', 'web').spec.rules).toEqual([
      { from: [{ source: { principals: ['cluster.local/ns/demo/sa/demo-gateway-istio'] } }] },
    ]);
  });

  it('attaches to a Gateway the spec names, in its namespace, and restricts each route to the paths', async () => {
    const out = await built(
      system({
        web: {
          image,
          versions,
          routes: [{ match: { headers: { 'x-canary': { exact: '1' } } }, to: 'v2' }],
          ingress: { hosts: ['shop.example.com'], gateway: 'edge/public', paths: [{ prefix: '/shop' }] },
        },
      }),
    );
    expect(out.errors).toEqual([]);
    expect(out.of('Gateway')).toEqual([]);
    const route = out.get('HTTPRoute', 'shop.example.com').spec;
    expect(route.parentRefs).toEqual([{ name: 'public', namespace: 'edge' }]);
    expect(route.rules.map((r: any) => r.matches)).toEqual([
      [{ path: { type: 'PathPrefix', value: '/shop' }, headers: [{ name: 'x-canary', type: 'Exact', value: '1' }] }],
      [{ path: { type: 'PathPrefix', value: '/shop' } }],
    ]);
  });
});

describe('--target gateway-api: what the standard channel cannot express is a located error', () => {
  const errorsOf = async (services: Record<string, object>, extra: object = {}) =>
    (await built(system(services, extra))).errors.map((d) => ({ rule: d.rule, path: d.path, message: d.message }));

  it('refuses fault injection, naming the feature at the route', async () => {
    const [error, ...rest] = await errorsOf({ a: { image, routes: [{ fault: { delay: { fixed: '7s' } } }] } });
    expect(rest).toEqual([]);
    expect(error).toMatchObject({ rule: 'gateway-api-unsupported', path: '/services/a/routes/0/fault' });
    expect(error!.message).toContain('injects a fault, which Gateway API cannot express');
  });

  it('refuses retries (experimental channel only), at the value the service inherits', async () => {
    const errors = await errorsOf(
      {
        a: { image, timeout: '1s' },
        b: { image, routes: [{ retries: { attempts: 0 } }] },
        db: { image, protocol: 'tcp' },
      },
      { defaults: { retries: { attempts: 2 } } },
    );
    // One error per value, naming every service that takes it (a tcp service takes none: Istio retries HTTP only).
    expect(errors.map((e) => [e.rule, e.path, e.message.split(' cannot')[0]])).toEqual([
      ['gateway-api-unsupported', '/services/b/routes/0/retries', "retries (of 'b')"],
      ['gateway-api-unsupported', '/defaults/retries', "retries (of 'a', 'b')"],
    ]);
    expect(errors[1]!.message).toContain("HTTPRoute's `retry` is in Gateway API's experimental channel only");
  });

  it('refuses version weights on a TCP port and a TCP service behind the ingress (TCPRoute is experimental)', async () => {
    const errors = await errorsOf({
      db: { image, protocol: 'tcp', versions },
      mq: { image, protocol: 'tcp', ingress: { hosts: ['mq.example.com'] } },
    });
    expect(errors.map((e) => e.path)).toEqual(['/services/db/versions', '/services/mq/ingress/hosts/0']);
    expect(errors.every((e) => e.message.includes('TCPRoute'))).toBe(true);
  });

  it('refuses routes whose order Gateway API would invert, and a path that is not absolute', async () => {
    const errors = await errorsOf({
      a: {
        image,
        versions,
        routes: [
          { match: { headers: { 'x-user': { exact: 'qa' } } }, to: 'v2' },
          { match: { uri: { prefix: '/beta' } }, to: 'v1' },
          { match: { uri: { exact: 'relative' } }, to: 'v1' },
        ],
      },
    });
    expect(errors.map((e) => e.path)).toEqual(['/services/a/routes/1/match', '/services/a/routes/2/match/uri']);
    expect(errors[0]!.message).toContain('Gateway API takes the most specific match, not the first');
  });

  it('keeps routes whose order Gateway API keeps: most specific first, or exclusive', async () => {
    const errors = await errorsOf({
      a: {
        image,
        versions,
        routes: [
          { match: { uri: { exact: '/beta/x' } }, to: 'v2' },
          { match: { uri: { prefix: '/beta' }, headers: { 'x-user': { exact: 'qa' } } }, to: 'v2' },
          { match: { uri: { prefix: '/beta' } }, to: 'v1' },
          { match: { uri: { prefix: '/alpha' }, method: 'GET' }, to: 'v1' },
          { match: { headers: { 'x-user': { exact: 'dev' } } }, to: 'v2' },
          { match: { headers: { 'x-user': { exact: 'ops' } }, queryParams: { q: { exact: '1' } } }, to: 'v1' },
        ],
      },
    });
    expect(errors).toEqual([]);
  });

  it('refuses more rules than one HTTPRoute holds', async () => {
    const routes = Array.from({ length: 16 }, (_, i) => ({ match: { uri: { exact: `/p${i}` } }, to: 'v1' }));
    const errors = await errorsOf({ a: { image, versions, routes } });
    expect(errors).toEqual([expect.objectContaining({ path: '/services/a/routes' })]);
    expect(errors[0]!.message).toContain('17 rules (at most 16)');
  });

  it('refuses a version Service named like another Service, and two HTTPRoutes of one name', async () => {
    const errors = await errorsOf({
      a: { image, versions: { v1: { weight: 100 } } },
      'a-v1': { image, ingress: { hosts: ['a'] } },
    });
    expect(errors).toEqual([
      {
        rule: 'gateway-api-name',
        path: '/services/a/versions/v1',
        message:
          "the Service 'a-v1' of version 'v1' of 'a' has the name of the Service of the service 'a-v1': rename one of them",
      },
      {
        rule: 'gateway-api-name',
        path: '/services/a-v1/ingress/hosts/0',
        message: `the HTTPRoute 'a' of the ingress host "a" has the name of the HTTPRoute of the service 'a': rename one of them`,
      },
    ]);
  });
});
