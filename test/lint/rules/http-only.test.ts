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
    {
      name: 'timeout and retries on an external with an http port',
      spec: {
        services: { a: { image, calls: ['api'] } },
        externals: {
          api: {
            hosts: ['api.example.com'],
            ports: { http: { port: 80, protocol: 'http' }, tls: { port: 443, protocol: 'tls' } },
            timeout: '2s',
            retries: { attempts: 2 },
          },
        },
      },
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
    {
      name: 'timeout and retries on an external reached over https and tcp only',
      spec: {
        services: { a: { image, calls: ['pay'] } },
        externals: {
          pay: {
            hosts: ['api.pay.example'],
            ports: { https: { port: 443, protocol: 'https' }, db: { port: 5432, protocol: 'tcp' } },
            timeout: '2s',
            retries: { attempts: 2 },
          },
        },
      },
      findings: [
        {
          path: '/externals/pay/retries',
          severity: 'warning',
          message:
            "has no effect: 'pay' has no http or grpc port (its ports are https, tcp), and Istio applies it to HTTP and gRPC traffic only",
        },
        { path: '/externals/pay/timeout', severity: 'warning' },
      ],
    },
  ],
});
