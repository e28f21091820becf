import { codes } from '../../diagnostics/codes.js';
import { defineRule } from '../rule.js';
import { minReplicas } from '../replicas.js';

/** Kubernetes rounds PodDisruptionBudget percentages up for both minAvailable and maxUnavailable. */
const scaled = (value: number | string, replicas: number): number =>
  typeof value === 'number' ? value : Math.ceil((replicas * Number.parseInt(value, 10)) / 100);

export const rule = defineRule({
  meta: codes.disruptionBudget,
  evaluate({ system, report }) {
    for (const service of system.services) {
      // The one budget selects every version's pods, and each version's Deployment runs the full replica count.
      const replicas = minReplicas(service) * Math.max(1, service.versions.length);
      const budget = service.disruption;
      if (!budget || replicas === 0) continue;
      const [field, value] =
        'maxUnavailable' in budget ? ['maxUnavailable', budget.maxUnavailable] : ['minAvailable', budget.minAvailable];
      const allowed = field === 'maxUnavailable' ? scaled(value, replicas) : replicas - scaled(value, replicas);
      if (allowed > 0) continue;
      report({
        path: service.origin.disruption,
        subject: service.path,
        message: `'${service.name}' has ${field} ${value} with ${replicas} replica(s), so no pod may ever be evicted and node drains block`,
      });
    }
  },
});
