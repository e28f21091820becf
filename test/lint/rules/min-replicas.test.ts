import { ruleTester } from '../helpers.js';

const image = 'example/app:1';

ruleTester('min-replicas', {
  valid: [
    { name: 'standard service with the built-in default replicas', spec: { services: { a: { image } } } },
    { name: 'critical service with 3 replicas', spec: { services: { a: { image, tier: 'critical', replicas: 3 } } } },
    {
      name: 'critical service autoscaling from 3',
      spec: { services: { a: { image, tier: 'critical', autoscale: { min: 3, max: 9 } } } },
    },
    {
      name: 'best-effort service with 1 replica',
      spec: { services: { a: { image, tier: 'best-effort', replicas: 1 } } },
    },
    {
      name: 'policy lowers the standard minimum',
      spec: { services: { a: { image, replicas: 1 } }, policy: { tiers: { standard: { minReplicas: 1 } } } },
    },
  ],
  invalid: [
    {
      name: 'critical service with 2 replicas',
      spec: { services: { a: { image, tier: 'critical', replicas: 2 } } },
      findings: [
        {
          path: '/services/a/replicas',
          severity: 'error',
          message: "'a' runs 2 replicas, but critical services need at least 3",
        },
      ],
    },
    {
      name: 'replicas from a profile',
      spec: { profiles: { small: { replicas: 1 } }, services: { a: { image, profile: 'small' } } },
      findings: [
        { path: '/profiles/small/replicas', message: 'runs 1 replica, but standard services need at least 2' },
      ],
    },
    {
      name: 'replicas from defaults',
      spec: { defaults: { replicas: 1 }, services: { a: { image } } },
      findings: [{ path: '/defaults/replicas' }],
    },
    {
      name: 'autoscale.min below the minimum',
      spec: { services: { a: { image, tier: 'critical', autoscale: { min: 2, max: 10 } } } },
      findings: [{ path: '/services/a/autoscale', message: '2 replicas (autoscale.min)' }],
    },
    {
      name: 'the built-in default below a raised policy minimum points at the service',
      spec: { services: { a: { image } }, policy: { tiers: { standard: { minReplicas: 3 } } } },
      findings: [{ path: '/services/a', message: 'at least 3' }],
    },
  ],
});
