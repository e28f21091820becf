import { ruleTester } from '../helpers.js';

const image = 'example/app:1';

ruleTester('spof-dependency', {
  valid: [
    { name: 'every dependency is redundant', spec: { services: { a: { image, calls: ['b'] }, b: { image, calls: ['c'] }, c: { image } } } },
    { name: 'a best-effort caller may depend on one replica', spec: { services: { a: { image, tier: 'best-effort', calls: ['b'] }, b: { image, tier: 'best-effort' } } } },
    {
      name: 'a non-critical call to one replica',
      spec: { services: { a: { image, calls: [{ service: 'b', critical: false }] }, b: { image, tier: 'best-effort' } } },
    },
  ],
  invalid: [
    {
      name: 'a single replica two hops away',
      spec: {
        services: {
          frontend: { image, tier: 'critical', replicas: 3, calls: ['cart'] },
          cart: { image, calls: ['redis-cart'] },
          'redis-cart': { image, tier: 'best-effort' },
        },
      },
      findings: [
        {
          path: '/services/redis-cart',
          severity: 'error',
          message: "'redis-cart' is a single point of failure (1 replica) for critical service 'frontend': frontend → cart → redis-cart",
        },
      ],
    },
    {
      name: 'replicas that may share one node',
      spec: { services: { a: { image, calls: ['b'] }, b: { image, replicas: 2, spread: 'none' } } },
      findings: [{ path: '/services/b/spread', message: "spread 'none'" }],
    },
    {
      name: 'an autoscaler that may run one replica',
      spec: { services: { a: { image, calls: ['b'] }, b: { image, autoscale: { min: 1, max: 4 } } } },
      findings: [{ path: '/services/b/autoscale', message: '1 replica (autoscale.min)' }],
    },
    {
      name: 'a cycle on the way does not hang the search',
      spec: { services: { a: { image, calls: ['b'] }, b: { image, calls: ['a', 'c'] }, c: { image, replicas: 1 } } },
      findings: [{ path: '/services/c/replicas', message: 'a → b → c' }],
    },
  ],
});
