import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/normalize/normalize.js';
import { analyze } from '../../src/pipeline.js';
import type { System } from '../../src/spec/schema.generated.js';
import { validate } from '../../src/validate/validate.js';

const base = { apiVersion: 'hamesh.dev/v1', kind: 'System', metadata: { name: 'demo' } } as const;

function normalized(spec: Omit<System, 'apiVersion' | 'kind' | 'metadata'>) {
  const result = validate({ ...base, ...spec });
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return normalize(result.spec);
}

describe('normalize', () => {
  it('loads the TypeScript and YAML shop examples to the same normalized spec', async () => {
    const [ts, yaml] = await Promise.all([analyze('examples/shop/system.ts'), analyze('examples/shop/system.yaml')]);
    expect(ts.resolved?.system).toEqual(yaml.resolved?.system);
  });

  it('applies the built-in defaults', () => {
    const system = normalized({ services: { web: { image: 'web:1' } }, events: { 'a.b': {} } });
    expect(system.namespace).toBe('demo');
    expect(system.broker).toEqual({
      kind: 'kafka',
      cluster: 'demo',
      namespace: 'demo',
      operator: 'strimzi',
      topicApiVersion: 'kafka.strimzi.io/v1',
      auth: 'none',
    });
    const web = system.services[0]!;
    expect(web).toMatchObject({
      tier: 'standard',
      ports: [
        {
          name: 'http',
          portName: 'http',
          port: 8080,
          servicePort: 8080,
          protocol: 'http',
          protocolGiven: false,
          expose: true,
          path: '/services/web',
        },
      ],
      replicas: 2,
      spread: 'zone',
      disruption: { maxUnavailable: 1 },
      probes: {},
      calls: [],
      failover: [],
      versions: [],
    });
    expect(system.events[0]).toMatchObject({
      partitions: 3,
      replication: 3,
      minInSync: 2,
      retentionMs: 7 * 86_400_000,
      compacted: false,
    });
  });

  it.each([
    ['critical', 3],
    ['standard', 2],
    ['best-effort', 1],
  ] as const)('a %s service defaults to %i replicas', (tier, replicas) => {
    const [service] = normalized({ services: { s: { image: 's:1', tier } } }).services;
    expect(service!.replicas).toBe(replicas);
    expect(service!.disruption).toEqual(replicas > 1 ? { maxUnavailable: 1 } : undefined);
  });

  it('uses autoscale.min as the replica count when autoscaling', () => {
    const [service] = normalized({ services: { s: { image: 's:1', autoscale: { min: 4, max: 8 } } } }).services;
    expect(service!.replicas).toBe(4);
    expect(service!.autoscale).toEqual({ min: 4, max: 8, cpuPercent: 70 });
  });

  it('takes each HA field from the service, then its profile, then defaults, and records where it came from', () => {
    const system = normalized({
      defaults: { timeout: '3s', spread: 'node', replicas: 5 },
      profiles: { api: { timeout: '1s', retries: { attempts: 1 } } },
      services: { s: { image: 's:1', profile: 'api', replicas: 4 }, t: { image: 't:1' } },
    });
    const [s, t] = system.services;
    expect(s).toMatchObject({ replicas: 4, timeoutMs: 1000, spread: 'node', retries: { attempts: 1 } });
    expect(s!.origin).toMatchObject({
      replicas: '/services/s/replicas',
      timeout: '/profiles/api/timeout',
      spread: '/defaults/spread',
      retries: '/profiles/api/retries',
      circuitBreaker: '/services/s',
    });
    expect(t).toMatchObject({ replicas: 5, timeoutMs: 3000, spread: 'node' });
    expect(t!.retries).toBeUndefined();
  });

  it('orders services, events, versions and subscriptions by name, whatever the input order', () => {
    const system = normalized({
      services: {
        zeta: {
          image: 'z:1',
          versions: { v2: { weight: 10 }, v1: { weight: 90 } },
          subscribes: { 'b.x': {}, 'a.x': { group: 'g' } },
        },
        alpha: { image: 'a:1' },
      },
      events: { 'b.x': {}, 'a.x': {} },
    });
    expect(system.services.map((s) => s.name)).toEqual(['alpha', 'zeta']);
    expect(system.events.map((e) => e.name)).toEqual(['a.x', 'b.x']);
    const zeta = system.services[1]!;
    expect(zeta.versions).toEqual([
      { name: 'v1', weight: 90, image: 'z:1' },
      { name: 'v2', weight: 10, image: 'z:1' },
    ]);
    expect(zeta.subscribes.map((s) => [s.event, s.group])).toEqual([
      ['a.x', 'g'],
      ['b.x', 'zeta'],
    ]);
  });

  it('fills the policy tiers with their defaults and keeps overrides', () => {
    const system = normalized({
      services: { s: { image: 's:1' } },
      policy: { tiers: { standard: { minZones: 3 } }, model: { replicaAvailability: 0.995 } },
    });
    expect(system.policy.tiers.standard).toEqual({
      minReplicas: 2,
      minZones: 3,
      minTopicReplication: 3,
      requireCircuitBreaker: false,
      requireProbes: false,
    });
    expect(system.policy.tiers.critical.minReplicas).toBe(3);
    expect(system.policy.model.replicaAvailability).toBe(0.995);
  });
});
