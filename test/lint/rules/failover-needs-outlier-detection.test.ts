import { ruleTester } from '../helpers.js';

const image = 'example/app:1';
const circuitBreaker = { consecutiveErrors: 5, interval: '10s', baseEjectionTime: '30s', maxEjectionPercent: 50 };
const failover = [{ from: 'eu-west-1', to: 'eu-central-1' }];

ruleTester('failover-needs-outlier-detection', {
  valid: [
    { name: 'failover with a circuit breaker', spec: { services: { a: { image, failover, circuitBreaker } } } },
    { name: 'no failover', spec: { services: { a: { image } } } },
  ],
  invalid: [
    {
      name: 'failover from a profile without a circuit breaker',
      spec: { profiles: { p: { failover } }, services: { a: { image, profile: 'p' } } },
      findings: [
        {
          path: '/profiles/p/failover',
          severity: 'error',
          message:
            "'a' sets failover but has no circuitBreaker: Istio ignores locality failover without outlier detection, so hamesh falls back to " +
            "Istio's defaults (consecutive5xxErrors 5, interval 10s, baseEjectionTime 30s, maxEjectionPercent 10), which eject at most 10% of endpoints; set circuitBreaker deliberately",
        },
      ],
    },
  ],
});
