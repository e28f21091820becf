import { ruleTester } from '../helpers.js';

const image = 'example/app:1';
const circuitBreaker = { consecutiveErrors: 5, interval: '10s', baseEjectionTime: '30s', maxEjectionPercent: 50 };

ruleTester('circuit-breaker', {
  valid: [
    {
      name: 'a called service with a circuit breaker from defaults',
      spec: { defaults: { circuitBreaker }, services: { a: { image, calls: ['b'] }, b: { image } } },
    },
    { name: 'a service nobody calls needs none', spec: { services: { a: { image } } } },
    {
      name: 'a critical callee with a breaker that keeps some endpoints',
      spec: {
        services: {
          a: { image, tier: 'critical', replicas: 3, calls: ['b'], circuitBreaker },
          b: { image, tier: 'critical', replicas: 3, circuitBreaker },
        },
      },
    },
  ],
  invalid: [
    {
      name: 'a standard callee without one: a warning',
      spec: { services: { a: { image, calls: ['b'] }, b: { image } } },
      findings: [
        { path: '/services/b', severity: 'warning', message: "'b' is called by 'a' but has no circuitBreaker" },
      ],
    },
    {
      name: 'a critical caller requires one: an error',
      spec: { services: { a: { image, tier: 'critical', replicas: 3, calls: ['b'] }, b: { image } } },
      findings: [{ path: '/services/b', severity: 'error', message: "required by the critical tier of 'a'" }],
    },
    {
      name: 'a policy requiring it for standard services',
      spec: {
        services: { a: { image, calls: ['b'] }, b: { image } },
        policy: { tiers: { standard: { requireCircuitBreaker: true } } },
      },
      findings: [{ path: '/services/b', severity: 'error' }],
    },
    {
      name: 'maxEjectionPercent 100 in defaults is reported once',
      spec: {
        defaults: { circuitBreaker: { ...circuitBreaker, maxEjectionPercent: 100 } },
        services: { a: { image, calls: ['b'] }, b: { image } },
      },
      findings: [
        {
          path: '/defaults/circuitBreaker/maxEjectionPercent',
          severity: 'warning',
          message: "every endpoint of 'a' and 'b'",
        },
      ],
    },
    {
      name: 'maxEjectionPercent 100 where the tier requires a breaker: an error',
      spec: {
        services: {
          a: { image, tier: 'critical', replicas: 3, calls: ['b'], circuitBreaker },
          b: { image, circuitBreaker: { ...circuitBreaker, maxEjectionPercent: 100 } },
        },
      },
      findings: [
        {
          path: '/services/b/circuitBreaker/maxEjectionPercent',
          severity: 'error',
          message:
            "maxEjectionPercent 100 lets outlier detection eject every endpoint of 'b' (required by the critical tier of 'a')",
        },
      ],
    },
  ],
});
