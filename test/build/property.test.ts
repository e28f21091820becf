import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentsOf, system } from './helpers.js';

const name = fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/);
const duration = fc.integer({ min: 1, max: 120_000 }).map((ms) => `${ms}ms`);
/** 1 to 3 versions whose weights add up to 100, as validation requires. */
const versions = fc
  .uniqueArray(name, { minLength: 1, maxLength: 3 })
  .chain((names) => fc.tuple(fc.constant(names), fc.array(fc.integer({ min: 0, max: 100 }), { minLength: names.length, maxLength: names.length })))
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
      autoscale: fc.integer({ min: 1, max: 5 }).chain((min) => fc.record({ min: fc.constant(min), max: fc.integer({ min, max: 20 }) })),
      resources: fc.record({ cpu: fc.constantFrom('100m', 0.5, 2), memory: fc.constantFrom('64Mi', '2048Mi', 1e9) }, { requiredKeys: [] }),
      probes: fc.record({ readiness: fc.constantFrom('/r', 'grpc'), liveness: fc.constant('/l'), startup: fc.constant('/s') }, { requiredKeys: [] }),
      spread: fc.constantFrom('zone', 'node', 'none'),
      disruption: fc.oneof(fc.record({ maxUnavailable: fc.constantFrom(1, '25%') }), fc.record({ minAvailable: fc.constantFrom(1, '50%') })),
      loadBalancer: fc.oneof(fc.constantFrom('round-robin', 'least-request', 'random'), fc.constantFrom({ consistentHash: { header: 'x-id' } }, { consistentHash: { sourceIp: true } })),
      timeout: duration,
      retries: fc.record({ attempts: fc.integer({ min: 0, max: 5 }), perTryTimeout: duration, on: fc.constantFrom(['5xx'], ['reset', 'connect-failure']) }, { requiredKeys: ['attempts'] }),
      circuitBreaker: fc.record(
        { consecutiveErrors: fc.integer({ min: 1, max: 9 }), interval: duration, baseEjectionTime: duration, maxEjectionPercent: fc.integer({ min: 0, max: 100 }), maxConnections: fc.integer({ min: 1, max: 999 }), maxPendingRequests: fc.integer({ min: 1, max: 999 }) },
        { requiredKeys: ['consecutiveErrors', 'interval', 'baseEjectionTime', 'maxEjectionPercent'] },
      ),
      failover: fc.constantFrom([{ from: 'eu-west-1', to: 'eu-central-1' }]),
      versions,
      ingress: fc.record({ hosts: fc.constantFrom(['a.example.com'], ['*.example.org', 'b.example.org']) }),
      calls: fc.subarray(others),
    },
    { requiredKeys: ['image'] },
  );

const spec = fc.uniqueArray(name, { minLength: 1, maxLength: 5 }).chain((names) =>
  fc.tuple(...names.map(() => service(names))).map((services) => system(Object.fromEntries(names.map((n, i) => [n, services[i]!])))),
);

describe('random valid specs', () => {
  it('always compile to objects that pass the upstream schemas, unknown fields included', async () => {
    await fc.assert(
      fc.asyncProperty(spec, async (s) => {
        const documents = await documentsOf(s);
        expect(documents.length).toBeGreaterThan(0);
      }),
      { numRuns: 60 },
    );
  });
});
