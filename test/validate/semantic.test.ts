import { describe, expect, it } from 'vitest';
import { validate } from '../../src/validate/validate.js';

const base = { apiVersion: 'hamesh.dev/v1', kind: 'System', metadata: { name: 'demo' } };
const findings = (spec: Record<string, unknown>) =>
  validate({ ...base, ...spec }).diagnostics.map(({ rule, severity, path, message }) => ({
    rule,
    severity,
    path,
    message,
  }));

describe('checks the schema cannot express', () => {
  it('rejects an event payload schema that is not a valid JSON Schema', () => {
    const found = findings({
      services: { a: { image: 'a:1', publishes: ['e'] } },
      events: { e: { schema: { type: 'objekt', properties: 5, required: ['id'] } } },
    });
    expect(found.sort((a, b) => b.path.localeCompare(a.path))).toEqual([
      {
        rule: 'invalid-value',
        severity: 'error',
        path: '/events/e/schema/type',
        message: expect.stringMatching(/not a valid JSON Schema here: must be one of "array", .*"string"$/),
      },
      {
        rule: 'invalid-value',
        severity: 'error',
        path: '/events/e/schema/properties',
        message: 'is not a valid JSON Schema here: must be object',
      },
    ]);
    expect(
      findings({ services: { a: { image: 'a:1' } }, events: { e: { schema: { type: 'object', required: ['id'] } } } }),
    ).toEqual([]);
  });

  it('rejects zero and out-of-range durations wherever HA fields are set', () => {
    const found = findings({
      defaults: {
        circuitBreaker: { consecutiveErrors: 1, interval: '0s', baseEjectionTime: '0s', maxEjectionPercent: 10 },
      },
      profiles: { p: { timeout: '0ms' } },
      services: { a: { image: 'a:1', retries: { attempts: 1, perTryTimeout: '99999999999h' } } },
    });
    expect(found.map((d) => [d.rule, d.path, d.message])).toEqual([
      [
        'invalid-value',
        '/services/a/retries/perTryTimeout',
        'must be at most 10000 years (Istio durations are protobuf Durations)',
      ],
      ['invalid-value', '/defaults/circuitBreaker/interval', 'must be longer than 0s'],
      ['invalid-value', '/profiles/p/timeout', 'must be longer than 0s; leave it out to use no route timeout'],
    ]);
  });

  it('bounds counts by what Kubernetes and Kafka can hold', () => {
    expect(
      findings({ services: { a: { image: 'a:1', replicas: 2 ** 31 } }, events: { e: { replication: 40000 } } }).map(
        (d) => [d.path, d.message],
      ),
    ).toEqual([
      ['/services/a/replicas', 'must be an integer <= 2147483647'],
      ['/events/e/replication', 'must be an integer <= 32767'],
    ]);
  });

  it('describes every malformed string in words, never as a regular expression', () => {
    const found = findings({
      services: {
        a: {
          image: 'a b',
          probes: { readiness: 'healthz' },
          resources: { cpu: '2 cores' },
          disruption: { maxUnavailable: '110%' },
          retries: { attempts: 1, on: ['5xxx'] },
          loadBalancer: { consistentHash: { header: 'x y' } },
          ingress: { hosts: ['Shop.com'], gateway: 'a/b/c', gatewayServiceAccount: 'nobody' },
          subscribes: { e: { group: 'G' } },
        },
        Bad_Name: { image: 'b:1' },
      },
      events: { e: {}, 'Bad.Event': {} },
      policy: { rules: { X: 'off' }, suppress: [{ rule: 'X', path: 'services', reason: 'r' }] },
    });
    expect(found.length).toBeGreaterThanOrEqual(14);
    for (const { message } of found) expect(message).not.toMatch(/matching|\^|\$\)/);
  });

  it('rejects NUL and other control characters in an image reference, in words', () => {
    for (const image of ['app:1\u0000', 'app\u001b[2K:1', 'app:1\u007f']) {
      expect(findings({ services: { a: { image } } })).toEqual([
        {
          rule: 'schema',
          severity: 'error',
          path: '/services/a/image',
          message:
            'must be a container image reference without spaces or control characters, such as "ghcr.io/acme/orders:1.2.0"',
        },
      ]);
    }
  });
});
