import { ruleTester } from '../helpers.js';

const image = 'example/app:1';
const retry = { attempts: 3, backoff: 'fixed' as const, delay: '1s' };

ruleTester('ordered-retry', {
  valid: [
    {
      name: 'ordered without retry topics',
      spec: { services: { a: { image, subscribes: { e: { ordered: true } } } }, events: { e: {} } },
    },
    {
      name: 'retry topics without ordering',
      spec: { services: { a: { image, subscribes: { e: { retry, deadLetter: true } } } }, events: { e: {} } },
    },
    {
      name: 'ordered with retry on NATS (one message in flight, redelivered in place)',
      spec: {
        broker: { kind: 'nats' },
        services: { a: { image, subscribes: { e: { retry, deadLetter: true, ordered: true } } } },
        events: { e: {} },
      },
    },
  ],
  invalid: [
    {
      name: 'ordered with retry topics',
      spec: {
        services: { a: { image, subscribes: { e: { retry, deadLetter: true, ordered: true } } } },
        events: { e: {} },
      },
      findings: [
        {
          path: '/services/a/subscribes/e/ordered',
          severity: 'warning',
          message: 'redeliver failed messages out of order',
        },
      ],
    },
  ],
});
