import { ruleTester } from '../helpers.js';

const image = 'example/app:1';
const autoscale = { min: 2, max: 6 };

ruleTester('autoscale-cpu-request', {
  valid: [
    {
      name: 'autoscaling with a CPU request',
      spec: { services: { a: { image, autoscale, resources: { cpu: '250m' } } } },
    },
    {
      name: 'a CPU request from defaults',
      spec: { defaults: { resources: { cpu: 1 } }, services: { a: { image, autoscale } } },
    },
    { name: 'fixed replicas need no request', spec: { services: { a: { image, replicas: 2 } } } },
  ],
  invalid: [
    {
      name: 'autoscaling without resources',
      spec: { services: { a: { image, autoscale } } },
      findings: [
        {
          path: '/services/a/autoscale',
          severity: 'error',
          message: "'a' autoscales on 70% CPU utilisation but has no resources.cpu request",
        },
      ],
    },
    {
      name: 'autoscale from a profile, with a memory request only',
      spec: {
        profiles: { p: { autoscale: { ...autoscale, cpuPercent: 60 } } },
        services: { a: { image, profile: 'p', resources: { memory: '256Mi' } } },
      },
      findings: [{ path: '/profiles/p/autoscale', message: 'on 60% CPU' }],
    },
  ],
});
