import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentsOf } from '../helpers/render.js';
import { system } from '../helpers/spec.js';

const name = fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/);
const duration = fc.integer({ min: 1, max: 120_000 }).map((ms) => `${ms}ms`);
/** 1 to 3 versions whose weights add up to 100, as validation requires. */
const versions = fc
  .uniqueArray(name, { minLength: 1, maxLength: 3 })
  .chain((names) =>
    fc.tuple(
      fc.constant(names),
      fc.array(fc.integer({ min: 0, max: 100 }), { minLength: names.length, maxLength: names.length }),
    ),
  )
  .map(([names, raw]) => {
    const sum = raw.reduce((a, b) => a + b, 0) || 1;
    const weights = raw.map((w) => Math.floor((w * 100) / sum));
    weights[0]! += 100 - weights.reduce((a, b) => a + b, 0);
    return Object.fromEntries(names.map((n, i) => [n, { weight: weights[i]! }]));
  });

const service = (others: string[]) =>
  fc.record(
    {
      image: fc.constantFrom('ghcr.io/a/b:1.0', 'redis', 'x.io/y@sha256:abc', 'r/img:v2-rc.1'),
      tier: fc.constantFrom('critical', 'standard', 'best-effort'),
      port: fc.integer({ min: 1, max: 65535 }),
      protocol: fc.constantFrom('http', 'grpc', 'tcp'),
      replicas: fc.integer({ min: 0, max: 10 }),
      autoscale: fc
        .integer({ min: 1, max: 5 })
        .chain((min) => fc.record({ min: fc.constant(min), max: fc.integer({ min, max: 20 }) })),
      resources: fc.record(
        { cpu: fc.constantFrom('100m', 0.5, 2), memory: fc.constantFrom('64Mi', '2048Mi', 1e9) },
        { requiredKeys: [] },
      ),
      probes: fc.record(
        { readiness: fc.constantFrom('/r', 'grpc'), liveness: fc.constant('/l'), startup: fc.constant('/s') },
        { requiredKeys: [] },
      ),
      spread: fc.constantFrom('zone', 'node', 'none'),
      disruption: fc.oneof(
        fc.record({ maxUnavailable: fc.constantFrom(1, '25%') }),
        fc.record({ minAvailable: fc.constantFrom(1, '50%') }),
      ),
      loadBalancer: fc.oneof(
        fc.constantFrom('round-robin', 'least-request', 'random'),
        fc.constantFrom({ consistentHash: { header: 'x-id' } }, { consistentHash: { sourceIp: true } }),
      ),
      timeout: duration,
      retries: fc.record(
        {
          attempts: fc.integer({ min: 0, max: 5 }),
          perTryTimeout: duration,
          on: fc.constantFrom(['5xx'], ['reset', 'connect-failure']),
        },
        { requiredKeys: ['attempts'] },
      ),
      circuitBreaker: fc.record(
        {
          consecutiveErrors: fc.integer({ min: 1, max: 9 }),
          interval: duration,
          baseEjectionTime: duration,
          maxEjectionPercent: fc.integer({ min: 0, max: 100 }),
          maxConnections: fc.integer({ min: 1, max: 999 }),
          maxPendingRequests: fc.integer({ min: 1, max: 999 }),
        },
        { requiredKeys: ['consecutiveErrors', 'interval', 'baseEjectionTime', 'maxEjectionPercent'] },
      ),
      failover: fc.constantFrom([{ from: 'eu-west-1', to: 'eu-central-1' }]),
      versions,
      ingress: fc.record({ hosts: fc.constantFrom(['a.example.com'], ['*.example.org', 'b.example.org']) }),
      calls: fc.subarray(others),
    },
    { requiredKeys: ['image'] },
  );

/** Probes fitted to the port: an HTTP path on a gRPC or TCP port is a probe-protocol error. */
const probeFor: Record<string, (probe: string) => unknown> = {
  http: (probe) => probe,
  grpc: () => 'grpc',
  tcp: () => ({ tcp: true }),
};
const withFittingProbes = (service: Record<string, any>) =>
  service.probes
    ? {
        ...service,
        probes: Object.fromEntries(
          Object.entries(service.probes).map(([kind, probe]) => [
            kind,
            probeFor[service.protocol ?? 'http']!(probe as string),
          ]),
        ),
      }
    : service;

const withOwnPath = (name: string, service: Record<string, any>) =>
  service.ingress ? { ...service, ingress: { ...service.ingress, paths: [{ prefix: `/${name}` }] } } : service;

const spec = fc.uniqueArray(name, { minLength: 1, maxLength: 5 }).chain((names) =>
  fc
    .tuple(...names.map(() => service(names)))
    // Services sharing an ingress host take a path each (two catch-alls on one host are an ingress-conflict).
    .map((services) =>
      system(Object.fromEntries(names.map((n, i) => [n, withOwnPath(n, withFittingProbes(services[i]!))]))),
    ),
);

type Doc = Record<string, any>;
const named = (documents: Doc[], kind: string, name: string) =>
  documents.filter((d) => d.kind === kind && d.metadata.name === name);

/** What must hold for every service of every valid spec, whatever its mix of options. */
function checkService(documents: Doc[], name: string, service: Record<string, any>): void {
  expect(named(documents, 'Service', name)).toHaveLength(1);
  expect(named(documents, 'ServiceAccount', name)).toHaveLength(1);
  const versions = Object.keys(service.versions ?? {});
  const deployments = versions.length > 0 ? versions.map((v) => `${name}-${v}`) : [name];
  for (const deployment of deployments) {
    const [workload] = named(documents, 'Deployment', deployment);
    expect(workload, `Deployment ${deployment}`).toBeDefined();
    expect(workload!.spec.template.spec.containers[0].image).toBe(service.image);
    if (service.port !== undefined)
      expect(named(documents, 'Service', name)[0]!.spec.ports.map((p: Doc) => p.port)).toContain(service.port);
  }
  if (versions.length > 1) {
    const routes = named(documents, 'VirtualService', name).flatMap((vs) => [
      ...(vs.spec.http ?? []),
      ...(vs.spec.tcp ?? []),
    ]);
    const weighted = routes.find((r) => r.route.length === versions.length)!.route as Doc[];
    expect(weighted.map((r) => r.destination.subset).sort()).toEqual([...versions].sort());
    expect(weighted.reduce((sum, r) => sum + (r.weight ?? 0), 0)).toBe(100);
    expect(
      named(documents, 'DestinationRule', name)[0]!
        .spec.subsets.map((s: Doc) => s.name)
        .sort(),
    ).toEqual([...versions].sort());
  }
}

describe('random valid specs', () => {
  it('compile to objects that pass the upstream schemas (unknown fields included), one workload per service version, in the spec namespace, deterministically', async () => {
    await fc.assert(
      fc.asyncProperty(spec, async (s) => {
        const documents = await documentsOf(s);
        const values = documents.map((d) => d.value as Doc);
        for (const [name, service] of Object.entries((s as { services: Record<string, Doc> }).services))
          checkService(values, name, service);
        for (const value of values) if (value.kind !== 'Namespace') expect(value.metadata.namespace).toBe('demo');
        expect((await documentsOf(s)).map((d) => d.value)).toEqual(values);
      }),
      { numRuns: 60 },
    );
  });
});
