import { defineRule } from '../rule.js';
import { describeReplicas, minReplicas, replicasOrigin, tierPolicy } from '../facts.js';

export const rule = defineRule({
  meta: {
    id: 'min-replicas',
    severity: 'error',
    description: "A service runs fewer replicas (or autoscale.min) than its tier's minReplicas.",
    rationale:
      'A service with too few replicas loses capacity, or goes down entirely, when a single pod is evicted, ' +
      "rescheduled or crashes. Each tier sets the replicas it needs to survive that (policy.tiers.<tier>.minReplicas).",
    fix: "Raise `replicas` (or `autoscale.min`) to the tier's minimum, in the service, its profile or `defaults`; or lower the service's `tier`.",
  },
  check({ system, policy, report }) {
    for (const service of system.services) {
      const required = tierPolicy(policy, service).minReplicas;
      const count = minReplicas(service);
      if (count >= required) continue;
      report({
        path: replicasOrigin(service),
        subject: service.path,
        message: `'${service.name}' runs ${describeReplicas(count, service)}, but ${service.tier} services need at least ${required}`,
      });
    }
  },
});
