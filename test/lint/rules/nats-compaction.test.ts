import { ruleTester } from '../helpers.js';

const image = 'example/app:1';

ruleTester('nats-compaction', {
  valid: [
    {
      name: 'a compacted event on Kafka',
      spec: { services: { a: { image, publishes: ['e'] } }, events: { e: { compacted: true } } },
    },
    {
      name: 'an event without compaction on NATS',
      spec: { broker: { kind: 'nats' }, services: { a: { image, publishes: ['e'] } }, events: { e: {} } },
    },
  ],
  invalid: [
    {
      name: 'a compacted event on NATS',
      spec: {
        broker: { kind: 'nats' },
        services: { a: { image, publishes: ['e'] } },
        events: { e: { compacted: true } },
      },
      findings: [
        {
          path: '/events/e/compacted',
          severity: 'warning',
          message: "JetStream has no log compaction: stream 'e' keeps every message",
        },
      ],
    },
  ],
});
