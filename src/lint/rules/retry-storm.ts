import { codes } from '../../diagnostics/codes.js';
import { formatRate, groupThroughput, measuredSubscriptions } from '../consumer-capacity.js';
import { maxReplicas } from '../replicas.js';
import { defineRule } from '../rule.js';

export const rule = defineRule({
  meta: codes.retryStorm,
  evaluate({ system, resolved, options, report }) {
    const ratio = options.failureRatio!;
    for (const m of measuredSubscriptions(resolved)) {
      const retry = m.subscription.retry;
      if (!retry) continue;
      const terms = Array.from({ length: retry.attempts }, (_, i) => ratio ** (i + 1));
      const retries = m.peak * terms.reduce((a, b) => a + b, 0);
      const capacity = groupThroughput(system, m, maxReplicas(m.service));
      // Below the peak itself is consumer-capacity's finding.
      if (m.peak > capacity.rate || m.peak + retries <= capacity.rate) continue;
      report({
        path: `${m.subscription.path}/retry`,
        message:
          `at a failure ratio of ${formatRate(ratio * 100)}%, the ${retry.attempts} retries of group '${m.subscription.group}' add ` +
          `${formatRate(m.peak)}/s × (${terms.map((t) => String(Math.round(t * 10_000) / 10_000)).join(' + ')}) = ${formatRate(retries)}/s ` +
          `to the peak ${formatRate(m.peak)}/s of '${m.event.name}': ${formatRate(m.peak + retries)}/s > the ${capacity.how} '${m.service.name}' consumes`,
      });
    }
  },
});
