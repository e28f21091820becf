import { ruleTester } from '../helpers.js';

const image = 'example/app:1';

ruleTester('http-only', {
  valid: [
    {
      name: 'HTTP settings on an http service',
      spec: { services: { a: { image, timeout: '1s', retries: { attempts: 1 } } } },
    },
    {
      name: 'a source-IP hash on a tcp service',
      spec: { services: { c: { image, protocol: 'tcp', loadBalancer: { consistentHash: { sourceIp: true } } } } },
    },
    {
      name: 'a tcp service inheriting a timeout from defaults',
      spec: { defaults: { timeout: '2s' }, services: { c: { image, protocol: 'tcp' } } },
    },
  ],
  invalid: [
    {
      name: 'timeout, retries and a cookie hash on a tcp service',
      spec: {
        services: {
          c: {
            image,
            protocol: 'tcp',
            timeout: '1s',
            retries: { attempts: 1 },
            loadBalancer: { consistentHash: { cookie: 'sid' } },
          },
        },
      },
      findings: [
        {
          path: '/services/c/loadBalancer/consistentHash/cookie',
          severity: 'warning',
          message: 'has no effect without an exposed HTTP or gRPC port',
        },
        { path: '/services/c/retries', severity: 'warning' },
        { path: '/services/c/timeout', severity: 'warning', message: 'Istio applies it to HTTP and gRPC traffic only' },
      ],
    },
    {
      name: 'a header hash on a tcp service',
      spec: { services: { c: { image, protocol: 'tcp', loadBalancer: { consistentHash: { header: 'x-id' } } } } },
      findings: [{ path: '/services/c/loadBalancer/consistentHash/header' }],
    },
  ],
});
