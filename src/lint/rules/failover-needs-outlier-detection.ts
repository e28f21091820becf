import { defineRule } from '../rule.js';

export const rule = defineRule({
  meta: {
    id: 'failover-needs-outlier-detection',
    severity: 'error',
    description: 'A service sets `failover` without a `circuitBreaker`, so Istio ignores the failover.',
    rationale:
      'Istio only fails over between localities when outlier detection tells it which endpoints are unhealthy; without it ' +
      'Istio logs a warning and ignores the locality failover settings, so the failover you wrote never happens.',
    fix: 'Add a `circuitBreaker` to the service (or its profile or `defaults`), or remove `failover`.',
  },
  check({ system, report }) {
    for (const service of system.services) {
      if (service.failover.length === 0 || service.circuitBreaker) continue;
      report({
        path: service.origin.failover,
        message: `'${service.name}' sets failover but has no circuitBreaker, and Istio ignores locality failover without outlier detection`,
      });
    }
  },
});
