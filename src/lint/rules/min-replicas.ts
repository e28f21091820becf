import { codes } from '../../diagnostics/codes.js';
import { defineRule } from '../rule.js';
import { describeReplicas, minReplicas, replicasOrigin } from '../replicas.js';
import { tierPolicy } from '../tiers.js';

export const rule = defineRule({
  meta: codes.minReplicas,
  evaluate({ system, policy, report }) {
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
