// The synthetic system both sides of the benchmark build: hamesh from the spec file, the cdk8s peer from the same JSON.

/** A lint-clean system of `count` services: call chains of ten (retries at the head only), a third critical, every tenth with two versions, an event per ten. */
export function syntheticSpec(count) {
  const names = Array.from({ length: count }, (_, i) => `svc-${String(i).padStart(5, '0')}`);
  const events = {};
  const services = Object.fromEntries(
    names.map((name, i) => {
      const event = `event-${Math.floor(i / 10)}.created`;
      if (i % 10 === 0) events[event] = { partitions: 6 };
      return [
        name,
        {
          image: `ghcr.io/acme/${name}:1.${i}.0`,
          tier: i % 3 === 0 ? 'critical' : 'standard',
          ...(i % 2 === 0 ? { autoscale: { min: 3, max: 6 } } : { replicas: 3 }),
          resources: { cpu: '250m', memory: '256Mi' },
          probes: { readiness: '/ready', liveness: '/live' },
          timeout: `${20 - (i % 10)}s`,
          retries: i % 10 === 0 ? { attempts: 1, on: ['5xx', 'connect-failure'] } : { attempts: 0 },
          circuitBreaker: { consecutiveErrors: 5, interval: '10s', baseEjectionTime: '30s', maxEjectionPercent: 50 },
          ...(i % 10 === 0 && { versions: { v1: { weight: 90 }, v2: { weight: 10 } } }),
          calls: i % 10 === 9 ? [] : [names[i + 1]],
          ...(i % 10 === 0
            ? { publishes: [event] }
            : i % 10 === 5
              ? {
                  subscribes: {
                    [event]: { retry: { attempts: 3, backoff: 'exponential', delay: '1s' }, deadLetter: true },
                  },
                }
              : {}),
        },
      ];
    }),
  );
  return {
    apiVersion: 'hamesh.dev/v1',
    kind: 'System',
    metadata: { name: 'bench' },
    zones: ['a', 'b', 'c'],
    broker: { kind: 'kafka', cluster: 'events', brokers: 3 },
    services,
    events,
  };
}

/** The same spec as a typed TypeScript module, as a team would write it. */
export function asTypeScript(spec) {
  return `import { defineSystem } from 'hamesh';\n\nexport default defineSystem(${JSON.stringify(spec, null, 2)});\n`;
}
