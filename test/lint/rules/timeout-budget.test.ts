import { ruleTester } from '../helpers.js';

const image = 'example/app:1';
const http = { http: { port: 80, protocol: 'http' as const } };

ruleTester('timeout-budget', {
  valid: [
    {
      name: 'the caller outlasts the callee',
      spec: { services: { a: { image, timeout: '2s', calls: ['b'] }, b: { image, timeout: '1s' } } },
    },
    {
      name: 'an unbounded callee is not compared',
      spec: { services: { a: { image, timeout: '1s', calls: ['b'] }, b: { image } } },
    },
    {
      name: 'retries that fit the timeout',
      spec: { services: { a: { image, timeout: '1s', retries: { attempts: 2, perTryTimeout: '300ms' } } } },
    },
    {
      name: 'a tcp callee has no route timeout or retries to outlast',
      spec: {
        services: {
          a: { image, timeout: '1s', calls: ['b'] },
          b: { image, protocol: 'tcp', port: 6379, timeout: '2s', retries: { attempts: 4, perTryTimeout: '1s' } },
        },
      },
    },
    {
      name: 'a tcp service has no route timeout to compare with its callees or cut its retries',
      spec: {
        services: {
          a: {
            image,
            protocol: 'tcp',
            port: 6379,
            timeout: '1s',
            retries: { attempts: 3, perTryTimeout: '500ms' },
            calls: ['b'],
          },
          b: { image, timeout: '2s' },
        },
      },
    },
    {
      name: 'a caller without a timeout',
      spec: { services: { a: { image, calls: ['b'] }, b: { image, timeout: '5s' } } },
    },
    {
      name: 'the caller outlasts an external',
      spec: {
        services: { a: { image, timeout: '3s', calls: ['api'] } },
        externals: { api: { hosts: ['api.example.com'], ports: http, timeout: '2s' } },
      },
    },
  ],
  invalid: [
    {
      name: 'an external that can take longer than its caller waits',
      spec: {
        services: { a: { image, timeout: '1s', calls: ['api'] } },
        externals: { api: { hosts: ['api.example.com'], ports: http, timeout: '2s' } },
      },
      findings: [
        {
          path: '/services/a/timeout',
          message: "not longer than 'api' can take (2s: its timeout)",
          related: [
            { path: '/services/a/calls/0', message: 'a → api' },
            { path: '/externals/api/timeout', message: 'api can take 2s (its timeout)' },
          ],
        },
      ],
    },
    {
      name: "the caller's timeout equals the callee's",
      spec: { services: { a: { image, timeout: '1s', calls: ['b'] }, b: { image, timeout: '1s' } } },
      findings: [
        {
          path: '/services/a/timeout',
          severity: 'warning',
          message: "'a' times out after 1s, not longer than 'b' can take (1s: its timeout)",
        },
      ],
    },
    {
      name: "the callee's retries outlast the caller",
      spec: {
        services: {
          a: { image, timeout: '1s', calls: ['b'] },
          b: { image, retries: { attempts: 2, perTryTimeout: '500ms' } },
        },
      },
      findings: [
        {
          path: '/services/a/timeout',
          message: '(1s500ms: 3 tries × 500ms)',
          related: [
            { path: '/services/a/calls/0', message: 'a → b' },
            { path: '/services/b/retries', message: 'b can take 1s500ms (3 tries × 500ms)' },
          ],
        },
      ],
    },
    {
      name: 'retries that cannot fit the own timeout',
      spec: { services: { a: { image, timeout: '1s', retries: { attempts: 3, perTryTimeout: '500ms' } } } },
      findings: [{ path: '/services/a/retries', message: "'a' allows 4 tries × 500ms = 2s, more than its timeout 1s" }],
    },
    {
      name: "a grpc callee without retries gets Istio's implicit 2",
      spec: {
        services: {
          a: { image, timeout: '1s', calls: ['b'] },
          b: { image, protocol: 'grpc', port: 9090, timeout: '2s' },
        },
      },
      findings: [{ path: '/services/a/timeout', message: "not longer than 'b' can take (2s: its timeout)" }],
    },
    {
      name: 'a timeout from a profile',
      spec: {
        profiles: { p: { timeout: '200ms' } },
        services: { a: { image, profile: 'p', calls: ['b'] }, b: { image, timeout: '300ms' } },
      },
      findings: [{ path: '/profiles/p/timeout' }],
    },
  ],
});
