import { ruleTester } from '../helpers.js';

const image = 'example/app:1';
const zones = ['z1', 'z2', 'z3'];
const producer = { image, publishes: ['e'] };
/** A system where `c` consumes `e` (peak 600/s) at 100/s per replica. */
const withConsumer = (consumer: object, event: object = { partitions: 12 }, extra: object = {}) => ({
  zones,
  services: { p: producer, c: { image, subscribes: { e: { throughput: { perReplica: 100 } } }, ...consumer } },
  events: { e: { rate: { peak: 600 }, ...event } },
  ...extra,
});

ruleTester('consumer-capacity', {
  valid: [
    { name: '9 replicas over 3 zones keep 6 × 100 = 600/s after a zone loss', spec: withConsumer({ replicas: 9 }) },
    {
      name: 'no rate given',
      spec: {
        services: { p: producer, c: { image, replicas: 1, subscribes: { e: { throughput: { perReplica: 1 } } } } },
        events: { e: {} },
      },
    },
    {
      name: 'JetStream: every replica pulls, partitions do not limit',
      spec: withConsumer({ replicas: 9 }, { partitions: 1 }, { broker: { kind: 'nats' } }),
    },
  ],
  invalid: [
    {
      name: 'fewer partitions than the peak needs',
      spec: withConsumer({ replicas: 9 }, { partitions: 4 }),
      findings: [
        {
          path: '/events/e/partitions',
          severity: 'warning',
          message:
            "group 'c' of 'c' consumes at most min(4 partitions, 9 replicas) × 100/s = 400/s < rate.peak 600/s of 'e': its lag grows without bound",
        },
      ],
    },
    {
      name: 'too few replicas even at autoscale.max, an error for a critical service',
      spec: withConsumer({ tier: 'critical', autoscale: { min: 3, max: 5 } }),
      findings: [
        {
          path: '/services/c/autoscale',
          severity: 'error',
          message: 'min(12 partitions, 5 replicas) × 100/s = 500/s < rate.peak 600/s',
        },
      ],
    },
    {
      name: 'enough at the top, not after losing a zone of the guaranteed replicas',
      spec: withConsumer({ replicas: 6 }),
      findings: [
        {
          path: '/services/c/replicas',
          message:
            "after losing the zone holding 2 of its 6 replicas, group 'c' of 'c' consumes min(12 partitions, 4 replicas) × 100/s = 400/s < rate.peak 600/s of 'e'",
        },
      ],
    },
    {
      name: 'lag autoscaling: the ScaledObject range counts',
      spec: withConsumer({
        subscribes: { e: { throughput: { perReplica: 100 }, autoscale: { lag: 100, min: 3, max: 12 } } },
      }),
      findings: [
        {
          path: '/services/c/subscribes/e/autoscale',
          message: 'after losing the zone holding 1 of its 3 replicas (autoscale.min)',
        },
      ],
    },
  ],
});
