import { ruleTester } from '../helpers.js';

const image = 'example/app:1';
const https = { https: { port: 443, protocol: 'https' as const } };

ruleTester('availability-target', {
  valid: [
    { name: '3 replicas meet 99.9%', spec: { services: { a: { image, replicas: 3, slo: { availability: 99.9 } } } } },
    { name: 'no SLO, no estimate', spec: { services: { a: { image, tier: 'best-effort', replicas: 1 } } } },
    {
      name: 'a non-critical dependency does not count',
      spec: {
        services: {
          a: { image, replicas: 3, slo: { availability: 99.9 }, calls: [{ service: 'b', critical: false }] },
          b: { image, tier: 'best-effort' },
        },
      },
    },
    {
      name: 'an estimate equal to the SLO despite rounding (1 − 0.005² is 99.99749999999999%)',
      spec: {
        services: { a: { image, replicas: 2, slo: { availability: 99.9975 } } },
        policy: { model: { replicaAvailability: 0.995 } },
      },
    },
    {
      name: 'an external that promises enough',
      spec: {
        services: { a: { image, replicas: 3, slo: { availability: 99.9 }, calls: ['pay'] } },
        externals: { pay: { hosts: ['api.pay.example'], ports: https, slo: { availability: 99.99 } } },
      },
    },
  ],
  invalid: [
    {
      name: "an external's default availability (99.9%) is below the caller's SLO",
      spec: {
        services: { a: { image, replicas: 3, slo: { availability: 99.95 }, calls: ['pay'] } },
        externals: { pay: { hosts: ['api.pay.example'], ports: https } },
      },
      findings: [
        {
          path: '/services/a/slo/availability',
          message: "costliest dependency 'pay' at 99.9%",
          related: [{ path: '/services/a/calls/0', message: 'a → pay: estimated at 99.9%' }],
        },
      ],
    },
    {
      name: 'one replica cannot reach 99.9%',
      spec: { services: { a: { image, tier: 'best-effort', slo: { availability: 99.9 } } } },
      findings: [
        {
          path: '/services/a/slo/availability',
          severity: 'error',
          message: "'a' is estimated at 99%, below its SLO of 99.9% (1 replica(s) at 0.99 each)",
        },
      ],
    },
    {
      name: 'the costliest critical dependency is named',
      spec: {
        services: {
          a: { image, replicas: 3, slo: { availability: 99.9 }, calls: ['b', 'c'] },
          b: { image, tier: 'best-effort' },
          c: { image },
        },
      },
      findings: [{ path: '/services/a/slo/availability', message: "costliest dependency 'b' at 99%" }],
    },
    {
      name: 'a lower replica availability in the policy',
      spec: {
        services: { a: { image, replicas: 2, slo: { availability: 99.5 } } },
        policy: { model: { replicaAvailability: 0.9 } },
      },
      findings: [{ path: '/services/a/slo/availability', message: 'estimated at 99%' }],
    },
    {
      name: 'just below an SLO finer than the shown precision: the estimate shows as a smaller number',
      spec: {
        services: { a: { image, replicas: 2, slo: { availability: 99.99751 } } },
        policy: { model: { replicaAvailability: 0.995 } },
      },
      findings: [
        { path: '/services/a/slo/availability', message: "'a' is estimated at 99.9975%, below its SLO of 99.99751%" },
      ],
    },
  ],
});
