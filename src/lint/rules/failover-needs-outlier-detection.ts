import { codes } from '../../diagnostics/codes.js';
import type { NormalizedOutlierDetection } from '../../normalize/model.js';
import { formatDuration } from '../../spec/duration.js';
import { defineRule } from '../rule.js';

const describe = (d: NormalizedOutlierDetection) =>
  `consecutive5xxErrors ${d.consecutiveErrors}, interval ${formatDuration(d.intervalMs)}, ` +
  `baseEjectionTime ${formatDuration(d.baseEjectionTimeMs)}, maxEjectionPercent ${d.maxEjectionPercent}`;

export const rule = defineRule({
  meta: codes.failoverNeedsOutlierDetection,
  evaluate({ system, report }) {
    for (const service of system.services) {
      // Without a circuit breaker, normalize gave the failover Istio's default outlier detection.
      const fallback = service.outlierDetection;
      if (service.failover.length === 0 || service.circuitBreaker || !fallback) continue;
      report({
        path: service.origin.failover,
        subject: service.path,
        message:
          `'${service.name}' sets failover but has no circuitBreaker: Istio ignores locality failover without outlier detection, ` +
          `so hamesh falls back to Istio's defaults (${describe(fallback)}), which eject at most ${fallback.maxEjectionPercent}% of endpoints; set circuitBreaker deliberately`,
      });
    }
  },
});
