import { ruleTester } from '../helpers.js';

const image = 'example/app:1';
const versions = { v1: { weight: 100 } };

ruleTester('fault-disables-retries', {
  valid: [
    {
      name: 'routes without fault',
      spec: {
        services: { a: { image, versions, routes: [{ match: { uri: { prefix: '/x' } }, to: 'v1', timeout: '1s' }] } },
      },
    },
  ],
  invalid: [
    {
      name: 'a fault route names the retries and timeout it loses, set on the route',
      spec: {
        services: {
          a: {
            image,
            routes: [{ name: 'slow', fault: { delay: { fixed: '7s' } }, timeout: '2s', retries: { attempts: 3 } }],
          },
        },
      },
      findings: [
        {
          path: '/services/a/routes/0/fault',
          severity: 'warning',
          message:
            "route 'slow' of 'a' injects a fault, so Istio disables its retries (3 attempts) and its timeout (2s) on it",
        },
      ],
    },
    {
      name: "a fault route inherits the service's timeout, and Istio's implicit retries",
      spec: {
        services: {
          a: {
            image,
            timeout: '5s',
            routes: [{ match: { headers: { 'end-user': { exact: 'jason' } } }, fault: { abort: { status: 500 } } }, {}],
          },
        },
      },
      findings: [
        {
          path: '/services/a/routes/0/fault',
          message:
            "route 0 of 'a' injects a fault, so Istio disables the implicit 2 retries and its timeout (5s) on it",
        },
      ],
    },
  ],
});
