import { ruleTester } from '../helpers.js';

const image = 'example/app:1';
const https = { https: { port: 443, protocol: 'https' as const } };
const breaker = { consecutiveErrors: 5, interval: '10s', baseEjectionTime: '30s', maxEjectionPercent: 100 };

ruleTester('spof-dependency', {
  valid: [
    {
      name: 'an ingress host served only by a best-effort service',
      spec: { services: { web: { image, tier: 'best-effort', replicas: 1, ingress: { hosts: ['example.com'] } } } },
    },
    {
      name: 'an ingress host with a weak service next to a redundant one (the host still answers part of its paths)',
      spec: {
        services: {
          web: { image, ingress: { hosts: ['example.com'], paths: [{ prefix: '/' }] } },
          beta: { image, replicas: 1, ingress: { hosts: ['example.com'], paths: [{ prefix: '/beta' }] } },
        },
      },
    },
    {
      name: 'every dependency is redundant',
      spec: { services: { a: { image, calls: ['b'] }, b: { image, calls: ['c'] }, c: { image } } },
    },
    {
      name: 'a best-effort caller may depend on one replica',
      spec: { services: { a: { image, tier: 'best-effort', calls: ['b'] }, b: { image, tier: 'best-effort' } } },
    },
    {
      name: 'a non-critical call to one replica',
      spec: {
        services: { a: { image, calls: [{ service: 'b', critical: false }] }, b: { image, tier: 'best-effort' } },
      },
    },
    {
      name: 'a weak standard service that only a best-effort service calls',
      spec: { services: { a: { image, replicas: 1 }, y: { image, tier: 'best-effort', calls: ['a'] } } },
    },
    {
      name: 'an external with a circuit breaker',
      spec: {
        services: { a: { image, calls: ['pay'] } },
        externals: { pay: { hosts: ['api.pay.example'], ports: https, circuitBreaker: breaker } },
      },
    },
    {
      name: 'a non-critical call to an external without one',
      spec: {
        services: { a: { image, calls: [{ service: 'pay', critical: false }] } },
        externals: { pay: { hosts: ['api.pay.example'], ports: https } },
      },
    },
  ],
  invalid: [
    {
      name: 'an ingress host served only by one replica, reported once per host, however many paths it has',
      spec: {
        services: {
          web: {
            image,
            replicas: 1,
            ingress: { hosts: ['www.example.com', 'example.com'], paths: [{ prefix: '/a' }, { prefix: '/b' }] },
          },
          api: { image, ingress: { hosts: ['api.example.com'] } },
        },
      },
      findings: [
        {
          path: '/services/web/ingress/hosts/0',
          message: 'the ingress host "www.example.com" is served only by \'web\'',
        },
        {
          path: '/services/web/ingress/hosts/1',
          message: 'the ingress host "example.com" is served only by \'web\', a single point of failure (1 replica)',
        },
      ],
    },
    {
      name: 'an external without a circuit breaker on a critical path',
      spec: {
        services: {
          frontend: { image, tier: 'critical', replicas: 3, calls: ['checkout'] },
          checkout: { image, calls: ['pay'] },
        },
        externals: { pay: { hosts: ['api.pay.example'], ports: https } },
      },
      findings: [
        {
          path: '/externals/pay',
          message:
            "'pay' is a single point of failure (an external without a circuitBreaker, so its failures reach every caller) for critical service 'frontend': frontend → checkout → pay",
        },
      ],
    },
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
          message:
            "'redis-cart' is a single point of failure (1 replica) for critical service 'frontend': frontend → cart → redis-cart",
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
    {
      // 'a' comes first by name and is a start of its own; it must still count as reached from 'z'.
      name: 'a weak standard service called by a standard one that a best-effort service calls',
      spec: {
        services: {
          y: { image, tier: 'best-effort', calls: ['z'] },
          z: { image, calls: ['a'] },
          a: { image, replicas: 2, spread: 'none' },
        },
        policy: { tiers: { standard: { minZones: 1 } } },
      },
      findings: [
        {
          path: '/services/a/spread',
          message:
            "'a' is a single point of failure (spread 'none', so every replica may share one node) for standard service 'z': z → a",
        },
      ],
    },
    {
      name: 'a weak service on a cycle is reported from the standard service that calls it',
      spec: { services: { a: { image, replicas: 1, calls: ['b'] }, b: { image, calls: ['a'] } } },
      findings: [{ path: '/services/a/replicas', message: "for standard service 'b': b → a" }],
    },
    {
      name: 'a weak standard service that reaches itself through a best-effort one',
      spec: { services: { a: { image, replicas: 1, calls: ['b'] }, b: { image, tier: 'best-effort', calls: ['a'] } } },
      findings: [
        { path: '/services/a/replicas', message: "for standard service 'a': a → b → a" },
        { path: '/services/b', message: "for standard service 'a': a → b" },
      ],
    },
  ],
});
