import { ruleTester } from '../helpers.js';

const image = 'example/app:1';

ruleTester('disruption-budget', {
  valid: [
    { name: 'the default budget (maxUnavailable 1)', spec: { services: { a: { image, replicas: 3 } } } },
    {
      name: 'minAvailable below the replicas',
      spec: { services: { a: { image, replicas: 3, disruption: { minAvailable: 2 } } } },
    },
    {
      name: 'a percentage that rounds up to 1',
      spec: { services: { a: { image, replicas: 3, disruption: { maxUnavailable: '10%' } } } },
    },
    {
      name: 'minAvailable 50% of 3 (2)',
      spec: { services: { a: { image, replicas: 3, disruption: { minAvailable: '50%' } } } },
    },
    {
      name: 'a single replica without a budget',
      spec: { services: { a: { image, tier: 'best-effort', replicas: 1 } } },
    },
    {
      name: 'minAvailable 2 over 2 versions of 2 replicas (the budget covers all 4 pods)',
      spec: {
        services: {
          a: {
            image,
            replicas: 2,
            disruption: { minAvailable: 2 },
            versions: { v1: { weight: 90 }, v2: { weight: 10 } },
          },
        },
      },
    },
  ],
  invalid: [
    {
      name: 'maxUnavailable 0',
      spec: { services: { a: { image, disruption: { maxUnavailable: 0 } } } },
      findings: [
        {
          path: '/services/a/disruption',
          severity: 'error',
          message: 'maxUnavailable 0 with 2 replica(s), so no pod may ever be evicted',
        },
      ],
    },
    {
      name: 'maxUnavailable 0%',
      spec: { services: { a: { image, disruption: { maxUnavailable: '0%' } } } },
      findings: [{ path: '/services/a/disruption' }],
    },
    {
      name: 'minAvailable equal to replicas',
      spec: { services: { a: { image, replicas: 3, disruption: { minAvailable: 3 } } } },
      findings: [{ path: '/services/a/disruption' }],
    },
    {
      name: 'minAvailable 100%',
      spec: { services: { a: { image, disruption: { minAvailable: '100%' } } } },
      findings: [{ path: '/services/a/disruption' }],
    },
    {
      name: 'minAvailable 67% of 3 rounds up to 3',
      spec: { services: { a: { image, replicas: 3, disruption: { minAvailable: '67%' } } } },
      findings: [{ path: '/services/a/disruption' }],
    },
    {
      name: 'minAvailable equal to autoscale.min, from a profile',
      spec: {
        profiles: { p: { disruption: { minAvailable: 2 } } },
        services: { a: { image, profile: 'p', autoscale: { min: 2, max: 8 } } },
      },
      findings: [{ path: '/profiles/p/disruption', message: 'with 2 replica(s)' }],
    },
  ],
});
