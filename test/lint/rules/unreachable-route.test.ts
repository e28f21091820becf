import { ruleTester } from '../helpers.js';

const image = 'example/app:1';
const versions = { v1: { weight: 50 }, v2: { weight: 50 } };
const jason = { headers: { 'end-user': { exact: 'jason' } } };

ruleTester('unreachable-route', {
  valid: [
    {
      name: 'a catch-all route last',
      spec: { services: { reviews: { image, versions, routes: [{ match: jason, to: 'v2' }, { to: 'v1' }] } } },
    },
    {
      name: 'routes that all match',
      spec: {
        services: {
          reviews: {
            image,
            versions,
            routes: [
              { match: jason, to: 'v2' },
              { match: { uri: { prefix: '/v1' } }, to: 'v1' },
            ],
          },
        },
      },
    },
  ],
  invalid: [
    {
      name: 'a route without a match before others: only the first such route is reported',
      spec: {
        services: {
          reviews: {
            image,
            versions,
            routes: [{ match: jason, to: 'v2' }, { to: 'v1' }, { to: 'v2' }, { match: jason, to: 'v1' }],
          },
        },
      },
      findings: [
        {
          path: '/services/reviews/routes/1',
          severity: 'warning',
          message: 'has no match, so it takes every request and the 2 route(s) after it never apply',
        },
      ],
    },
  ],
});
