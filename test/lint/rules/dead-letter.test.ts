import { ruleTester } from '../helpers.js';

const image = 'example/app:1';
const retry = { attempts: 3, backoff: 'exponential' as const, delay: '1s' };

ruleTester('dead-letter', {
  valid: [
    {
      name: 'retry with a dead-letter topic',
      spec: { services: { a: { image, subscribes: { e: { retry, deadLetter: true } } } }, events: { e: {} } },
    },
    { name: 'no retry', spec: { services: { a: { image, subscribes: { e: {} } } }, events: { e: {} } } },
  ],
  invalid: [
    {
      name: 'retry without a dead-letter topic',
      spec: { services: { a: { image, subscribes: { e: { retry } } } }, events: { e: {} } },
      findings: [
        {
          path: '/services/a/subscribes/e',
          severity: 'warning',
          message: "'a' retries 'e' 3 time(s) but has no deadLetter",
        },
      ],
    },
  ],
});
