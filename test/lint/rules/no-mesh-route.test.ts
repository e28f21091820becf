import { ruleTester } from '../helpers.js';

const image = 'example/app:1';
const breaker = { consecutiveErrors: 1, interval: '1s', baseEjectionTime: '1s', maxEjectionPercent: 10 };

ruleTester('no-mesh-route', {
  valid: [
    {
      name: 'mesh settings on a service with an HTTP port',
      spec: { services: { web: { image, timeout: '1s', circuitBreaker: breaker } } },
    },
    { name: 'a worker without mesh settings', spec: { services: { jobs: { image, ports: {} } } } },
    {
      name: 'a worker inheriting `defaults` that serve the other services (reported nowhere: the value is written for them)',
      spec: { defaults: { timeout: '2s' }, services: { web: { image }, jobs: { image, ports: {} } } },
    },
  ],
  invalid: [
    {
      name: 'each mesh setting a worker sets itself',
      spec: { services: { jobs: { image, ports: {}, timeout: '1s', circuitBreaker: breaker } } },
      findings: [
        {
          path: '/services/jobs/circuitBreaker',
          severity: 'warning',
          message: "has no effect: 'jobs' exposes no TCP, HTTP or gRPC port",
        },
        { path: '/services/jobs/timeout', message: 'so no traffic reaches it through the mesh' },
      ],
    },
    {
      name: 'a service with UDP ports only',
      spec: { services: { dns: { image, ports: { dns: { port: 53, protocol: 'udp' } }, retries: { attempts: 2 } } } },
      findings: [{ path: '/services/dns/retries' }],
    },
  ],
});
