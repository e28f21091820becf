import { codes } from '../../diagnostics/codes.js';
import { groupThroughput, formatRate, measuredSubscriptions } from '../consumer-capacity.js';
import { describeReplicas, maxReplicas, minReplicas, replicasOrigin, zoneLoss } from '../replicas.js';
import { defineRule } from '../rule.js';

export const rule = defineRule({
  meta: codes.consumerCapacity,
  evaluate({ system, resolved, policy, report }) {
    for (const m of measuredSubscriptions(resolved)) {
      const severity = m.service.tier === 'critical' ? ('error' as const) : undefined;
      const subject = `group '${m.subscription.group}' of '${m.service.name}'`;
      const belowPeak = `< rate.peak ${formatRate(m.peak)}/s of '${m.event.name}'`;
      const most = maxReplicas(m.service);
      const best = groupThroughput(system, m, most);
      if (best.rate < m.peak) {
        const partitionBound =
          system.broker.kind === 'kafka' && most * Math.max(1, m.service.versions.length) > m.event.partitions;
        report({
          path: partitionBound ? `${m.event.path}/partitions` : replicasOrigin(m.service),
          severity,
          message: `${subject} consumes at most ${best.how} ${belowPeak}: its lag grows without bound`,
        });
        continue;
      }
      const floor = minReplicas(m.service);
      const { zones, lost } = zoneLoss(system.zones, policy, m.service, floor);
      const left = groupThroughput(system, m, floor - lost);
      if (left.rate >= m.peak) continue;
      const zone =
        zones > 1
          ? `the zone holding ${lost} of its ${describeReplicas(floor, m.service)}`
          : `one zone, which may hold all ${describeReplicas(floor, m.service)} (spread: ${m.service.spread})`;
      report({
        path: m.service.spread === 'zone' ? replicasOrigin(m.service) : m.service.origin.spread,
        severity,
        message: `after losing ${zone}, ${subject} consumes ${left.how} ${belowPeak}`,
      });
    }
  },
});
