import { ruleTester } from '../helpers.js';

const image = 'example/app:1';

ruleTester('orphan-event', {
  valid: [
    {
      name: 'published and subscribed',
      spec: { services: { a: { image, publishes: ['e'] }, b: { image, subscribes: { e: {} } } }, events: { e: {} } },
    },
  ],
  invalid: [
    {
      name: 'unused',
      spec: { services: { a: { image } }, events: { e: {} } },
      findings: [{ path: '/events/e', severity: 'warning', message: "nobody publishes or subscribes to 'e'" }],
    },
    {
      name: 'never read',
      spec: { services: { a: { image, publishes: ['e'] } }, events: { e: {} } },
      findings: [{ path: '/events/e', message: "nobody subscribes to 'e'" }],
    },
    {
      name: 'never written',
      spec: { services: { a: { image, subscribes: { e: {} } } }, events: { e: {} } },
      findings: [{ path: '/events/e', message: "nobody publishes 'e'" }],
    },
  ],
});
