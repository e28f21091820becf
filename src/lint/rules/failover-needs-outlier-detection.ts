import { DEFAULTS } from '../../normalize/defaults.js';
import { formatDuration } from '../../spec/duration.js';
import { defineRule } from '../rule.js';

const d = DEFAULTS.istioOutlierDetection;
const defaults =
  `consecutive5xxErrors ${d.consecutiveErrors}, interval ${formatDuration(d.intervalMs)}, ` +
  `baseEjectionTime ${formatDuration(d.baseEjectionTimeMs)}, maxEjectionPercent ${d.maxEjectionPercent}`;

export const rule = defineRule({
  meta: {
    id: 'failover-needs-outlier-detection',
    severity: 'error',
    description: "A service sets `failover` without a `circuitBreaker`, so its failover runs on Istio's default outlier detection.",
    rationale:
      'Istio only fails over between localities when outlier detection tells it which endpoints are unhealthy, and ignores ' +
      'locality failover without it. So that the failover is not silently dropped, hamesh then emits Istio\'s outlier detection ' +
      `defaults (${defaults}): they eject at most ${d.maxEjectionPercent}% of the endpoints, so a failing locality keeps most ` +
      'of its traffic, and they rarely suit the service. Failover should rest on outlier detection chosen for the service.',
    fix: 'Set a `circuitBreaker` deliberately on the service (or its profile or `defaults`), or remove `failover`.',
  },
  check({ system, report }) {
    for (const service of system.services) {
      if (service.failover.length === 0 || service.circuitBreaker) continue;
      report({
        path: service.origin.failover,
        subject: service.path,
        message:
          `'${service.name}' sets failover but has no circuitBreaker: Istio ignores locality failover without outlier detection, ` +
          `so hamesh falls back to Istio's defaults (${defaults}), which eject at most ${d.maxEjectionPercent}% of endpoints; set circuitBreaker deliberately`,
      });
    }
  },
});
