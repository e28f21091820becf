import { ruleTester } from '../helpers.js';

const image = 'example/app:1';
const retry = { attempts: 3, backoff: 'exponential' as const, delay: '20m' };

ruleTester('retry-retention', {
  valid: [
    {
      name: 'delays well within the retention',
      spec: {
        services: { a: { image, subscribes: { e: { retry, deadLetter: true } } } },
        events: { e: { retention: '7d' } },
      },
    },
    {
      name: 'on Kafka only the longest single delay counts (20m, 40m, 80m < 2h)',
      spec: {
        services: { a: { image, subscribes: { e: { retry, deadLetter: true } } } },
        events: { e: { retention: '2h' } },
      },
    },
  ],
  invalid: [
    {
      name: 'a delay longer than the retention (Kafka)',
      spec: {
        services: {
          a: { image, subscribes: { e: { retry: { attempts: 1, backoff: 'fixed', delay: '2h' }, deadLetter: true } } },
        },
        events: { e: { retention: '1h' } },
      },
      findings: [
        {
          path: '/services/a/subscribes/e/retry',
          severity: 'warning',
          message: "'a' may wait 2h to retry 'e' (its longest delay), but the event is kept only 1h",
        },
      ],
    },
    {
      name: 'redeliveries adding up past the retention (NATS)',
      spec: {
        broker: { kind: 'nats' },
        services: { a: { image, subscribes: { e: { retry, deadLetter: true } } } },
        events: { e: { retention: '2h' } },
      },
      findings: [
        {
          path: '/services/a/subscribes/e/retry',
          message: "'a' may wait 2h20m to retry 'e' (all redeliveries), but the event is kept only 2h",
        },
      ],
    },
  ],
});
