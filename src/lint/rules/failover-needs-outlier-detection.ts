import { codes } from '../../diagnostics/codes.js';
import { DEFAULTS } from '../../normalize/defaults.js';
import { formatDuration } from '../../spec/duration.js';
import { defineRule } from '../rule.js';

const d = DEFAULTS.istioOutlierDetection;
const defaults =
  `consecutive5xxErrors ${d.consecutiveErrors}, interval ${formatDuration(d.intervalMs)}, ` +
  `baseEjectionTime ${formatDuration(d.baseEjectionTimeMs)}, maxEjectionPercent ${d.maxEjectionPercent}`;

export const rule = defineRule({
  meta: codes.failoverNeedsOutlierDetection,
  evaluate({ system, report }) {
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
