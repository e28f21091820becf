import { ruleTester } from '../helpers.js';

const image = 'example/app:1';

ruleTester('replicas-ignored', {
  valid: [
    { name: 'replicas alone', spec: { services: { a: { image, replicas: 3 } } } },
    { name: 'autoscale alone', spec: { services: { a: { image, autoscale: { min: 2, max: 5 } } } } },
    {
      name: 'replicas in defaults, autoscale on the service',
      spec: { defaults: { replicas: 2 }, services: { a: { image, autoscale: { min: 2, max: 5 } } } },
    },
  ],
  invalid: [
    {
      name: 'replicas next to autoscale',
      spec: { services: { a: { image, replicas: 3, autoscale: { min: 2, max: 5 } } } },
      findings: [
        {
          path: '/services/a/replicas',
          severity: 'warning',
          message: "'a' autoscales (2–5), so replicas 3 is ignored",
        },
      ],
    },
    {
      name: 'replicas on the service, autoscale from its profile',
      spec: {
        profiles: { scaled: { autoscale: { min: 2, max: 4 } } },
        services: { a: { image, profile: 'scaled', replicas: 2 } },
      },
      findings: [{ path: '/services/a/replicas' }],
    },
    {
      name: 'both in defaults',
      spec: { defaults: { replicas: 2, autoscale: { min: 2, max: 4 } }, services: { a: { image } } },
      findings: [{ path: '/defaults/replicas' }],
    },
  ],
});
