import { ruleTester } from '../helpers.js';

const image = 'example/app:1';

ruleTester('missing-probes', {
  valid: [
    {
      name: 'readiness from defaults',
      spec: {
        defaults: { probes: { readiness: '/ready' } },
        services: { a: { image, tier: 'critical', replicas: 3 } },
      },
    },
    { name: 'gRPC readiness', spec: { services: { a: { image, probes: { readiness: 'grpc' } } } } },
  ],
  invalid: [
    {
      name: 'standard service without probes: a warning',
      spec: { services: { a: { image } } },
      findings: [{ path: '/services/a', severity: 'warning', message: "'a' has no readiness probe" }],
    },
    {
      name: 'critical service without probes: an error',
      spec: { services: { a: { image, tier: 'critical', replicas: 3 } } },
      findings: [{ path: '/services/a', severity: 'error', message: 'required for critical services' }],
    },
    {
      name: 'a profile with only a liveness probe',
      spec: { profiles: { p: { probes: { liveness: '/live' } } }, services: { a: { image, profile: 'p' } } },
      findings: [{ path: '/profiles/p/probes', severity: 'warning' }],
    },
  ],
});
