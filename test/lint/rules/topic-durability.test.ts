import { ruleTester } from '../helpers.js';

const image = 'example/app:1';

ruleTester('topic-durability', {
  valid: [
    {
      name: 'the defaults (replication 3, minInSync 2)',
      spec: { services: { a: { image, publishes: ['e'] } }, events: { e: {} } },
    },
    {
      name: 'a best-effort event with one replica',
      spec: {
        services: { a: { image, tier: 'best-effort', publishes: ['e'] } },
        events: { e: { replication: 1, minInSync: 1 } },
      },
    },
    {
      name: 'JetStream has no minInSync',
      spec: {
        broker: { kind: 'nats' },
        services: { a: { image, publishes: ['e'] } },
        events: { e: { replication: 3, minInSync: 1 } },
      },
    },
  ],
  invalid: [
    {
      name: 'a critical subscriber raises the tier',
      spec: {
        services: {
          a: { image, tier: 'best-effort', publishes: ['e'] },
          b: { image, tier: 'critical', replicas: 3, subscribes: { e: {} } },
        },
        events: { e: { replication: 2, minInSync: 1 } },
      },
      findings: [
        {
          path: '/events/e/replication',
          severity: 'error',
          message: "'e' has replication 2, but critical events need at least 3",
        },
      ],
    },
    {
      name: 'minInSync 1 with 3 replicas',
      spec: { services: { a: { image, publishes: ['e'] } }, events: { e: { minInSync: 1 } } },
      findings: [{ path: '/events/e/minInSync', message: 'acknowledged by a single broker' }],
    },
    {
      name: 'minInSync equal to replication',
      spec: { services: { a: { image, publishes: ['e'] } }, events: { e: { replication: 3, minInSync: 3 } } },
      findings: [{ path: '/events/e/minInSync', message: 'one broker down blocks every producer' }],
    },
    {
      name: 'an event nobody uses counts as standard; the default minInSync exceeds replication 1',
      spec: { services: { a: { image } }, events: { e: { replication: 1 } } },
      findings: [
        { path: '/events/e/minInSync', message: 'minInSync 2 with replication 1, so no write can ever succeed' },
        { path: '/events/e/replication', message: 'standard events need at least 3' },
      ],
    },
    {
      name: 'JetStream: replication is checked, minInSync is not',
      spec: {
        broker: { kind: 'nats' },
        services: { a: { image, publishes: ['e'] } },
        events: { e: { replication: 1 } },
      },
      findings: [
        { path: '/events/e/replication', message: "'e' has replication 1, but standard events need at least 3" },
      ],
    },
  ],
});
