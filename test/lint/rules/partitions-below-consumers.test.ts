import { ruleTester } from '../helpers.js';

const image = 'example/app:1';
const versions = { v1: { weight: 90 }, v2: { weight: 10 } };

ruleTester('partitions-below-consumers', {
  valid: [
    {
      name: 'as many partitions as replicas',
      spec: { services: { a: { image, replicas: 3, subscribes: { e: {} } } }, events: { e: { partitions: 3 } } },
    },
    {
      name: 'JetStream has no partitions',
      spec: {
        broker: { kind: 'nats' },
        services: { a: { image, replicas: 8, subscribes: { e: {} } } },
        events: { e: { partitions: 1 } },
      },
    },
    {
      name: 'two versions of 2 replicas fill 4 partitions',
      spec: {
        services: { a: { image, replicas: 2, versions, subscribes: { e: {} } } },
        events: { e: { partitions: 4 } },
      },
    },
    {
      name: 'lag autoscaling up to the partitions (the default max)',
      spec: {
        services: { a: { image, subscribes: { e: { autoscale: { lag: 100 } } } } },
        events: { e: { partitions: 6 } },
      },
    },
  ],
  invalid: [
    {
      name: 'a subscription whose autoscale.max exceeds the partitions',
      spec: {
        services: { a: { image, subscribes: { e: { autoscale: { lag: 100, min: 2, max: 12 } } } } },
        events: { e: { partitions: 6 } },
      },
      findings: [
        {
          path: '/services/a/subscribes/e/autoscale/max',
          message: "'a' may autoscale to 12 replicas on 'e', which has 6 partitions: its ScaledObject stops at 6",
        },
      ],
    },
    {
      name: 'an autoscaler beyond the partitions',
      spec: {
        services: { a: { image, autoscale: { min: 2, max: 8 }, subscribes: { e: {} } } },
        events: { e: { partitions: 6 } },
      },
      findings: [
        {
          path: '/events/e/partitions',
          severity: 'warning',
          message: "consumer group 'a' ('a') can run 8 consumers, but 'e' has 6 partitions, so 2 would sit idle",
        },
      ],
    },
    {
      name: 'services sharing a consumer group add up',
      spec: {
        services: { a: { image, subscribes: { e: { group: 'g' } } }, b: { image, subscribes: { e: { group: 'g' } } } },
        events: { e: { partitions: 3 } },
      },
      findings: [{ path: '/events/e/partitions', message: "consumer group 'g' ('a' and 'b') can run 4 consumers" }],
    },
    {
      name: 'every version runs its own Deployment (and autoscaler) in the same group',
      spec: {
        services: { a: { image, autoscale: { min: 2, max: 3 }, versions, subscribes: { e: {} } } },
        events: { e: { partitions: 4 } },
      },
      findings: [
        {
          path: '/events/e/partitions',
          message: "consumer group 'a' ('a') can run 6 consumers, but 'e' has 4 partitions, so 2 would sit idle",
        },
      ],
    },
  ],
});
