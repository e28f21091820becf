import { describe, expect, it } from 'vitest';
import { resolveSpec } from '../helpers/spec.js';

/* Defaults that later stages used to apply themselves are carried in the normalized model; render and lint only read. */

const image = 'app:1';

describe('effective defaults in the normalized model', () => {
  it("gives Istio's implicit retries to HTTP services without retries, none to TCP-only ones, and a service's own retries as they are", () => {
    const { system } = resolveSpec({
      services: {
        web: { image },
        db: { image, ports: { sql: { port: 5432, protocol: 'tcp' } } },
        api: { image, retries: { attempts: 0 } },
      },
    });
    expect(Object.fromEntries(system.services.map((s) => [s.name, s.istioRetries]))).toEqual({
      api: { attempts: 0 },
      db: { attempts: 0 },
      web: { attempts: 2 },
    });
  });

  it("gives a locality failover without a circuit breaker Istio's default outlier detection; a circuit breaker's own ejection settings win", () => {
    const failover = [{ from: 'eu-west-1', to: 'eu-central-1' }];
    const breaker = {
      consecutiveErrors: 3,
      interval: '5s',
      baseEjectionTime: '1m',
      maxEjectionPercent: 50,
      maxConnections: 100,
    };
    const { system } = resolveSpec({
      services: { a: { image, failover }, b: { image, failover, circuitBreaker: breaker }, c: { image } },
    });
    const [a, b, c] = system.services;
    expect(a!.outlierDetection).toEqual({
      consecutiveErrors: 5,
      intervalMs: 10_000,
      baseEjectionTimeMs: 30_000,
      maxEjectionPercent: 10,
    });
    expect(b!.outlierDetection).toEqual({
      consecutiveErrors: 3,
      intervalMs: 5_000,
      baseEjectionTimeMs: 60_000,
      maxEjectionPercent: 50,
    });
    expect(c!.outlierDetection).toBeUndefined();
  });

  it("carries JetStream's ack wait, max ack pending and duplicate window, and each event's most demanding tier", () => {
    const { system } = resolveSpec({
      broker: { kind: 'nats' },
      services: {
        pay: { image, tier: 'critical', publishes: ['paid'] },
        mail: {
          image,
          tier: 'best-effort',
          subscribes: {
            paid: { retry: { attempts: 3, backoff: 'exponential', delay: '2s' } },
            short: { ordered: true },
          },
        },
      },
      events: { paid: {}, short: { retention: '1m' }, unused: {} },
    });
    const subscriptions = system.services.find((s) => s.name === 'mail')!.subscribes;
    expect(subscriptions.map((s) => [s.event, s.ackWaitMs, s.maxAckPending])).toEqual([
      ['paid', 2_000, 1000],
      ['short', 30_000, 1],
    ]);
    expect(system.events.map((e) => [e.name, e.duplicateWindowMs, e.tier])).toEqual([
      ['paid', 120_000, 'critical'],
      ['short', 60_000, 'best-effort'],
      ['unused', 120_000, 'standard'],
    ]);
  });
});
