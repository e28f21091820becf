import { ruleTester } from '../helpers.js';

const image = 'example/app:1';
const retry = { attempts: 3, backoff: 'fixed', delay: '1s' } as const;
/** `c` consumes `e` (peak 500/s) with 6 replicas at 100/s each: 600/s. */
const spec = (subscription: object, replicas = 6) => ({
  services: {
    p: { image, publishes: ['e'] },
    c: { image, replicas, subscribes: { e: { throughput: { perReplica: 100 }, ...subscription } } },
  },
  events: { e: { partitions: 12, rate: { peak: 500 } } },
});

ruleTester('retry-storm', {
  valid: [
    {
      name: 'one retry at 20% fits the headroom (500 + 100 = 600/s)',
      spec: spec({ retry: { ...retry, attempts: 1 } }),
    },
    { name: 'no retry', spec: spec({}) },
    {
      name: 'a policy with failureRatio 0.1: 500 × (0.1 + 0.01 + 0.001) = 55.5/s fits',
      spec: { ...spec({ retry }), policy: { rules: { 'retry-storm': { severity: 'warning', failureRatio: 0.1 } } } },
    },
    { name: 'already below the peak: consumer-capacity reports it', spec: spec({ retry }, 4) },
  ],
  invalid: [
    {
      name: 'three retries at 20% exceed the headroom',
      spec: spec({ retry }),
      findings: [
        {
          path: '/services/c/subscribes/e/retry',
          severity: 'warning',
          message:
            "at a failure ratio of 20%, the 3 retries of group 'c' add 500/s × (0.2 + 0.04 + 0.008) = 124/s to the peak 500/s of 'e': 624/s > the min(12 partitions, 6 replicas) × 100/s = 600/s 'c' consumes",
        },
      ],
    },
  ],
});
