import { codes } from '../../diagnostics/codes.js';
import { defineRule } from '../rule.js';

export const rule = defineRule({
  meta: codes.autoscaleCpuRequest,
  evaluate({ system, report }) {
    for (const service of system.services) {
      if (!service.autoscale || service.resources?.cpu !== undefined) continue;
      report({
        path: service.origin.autoscale,
        subject: service.path,
        message: `'${service.name}' autoscales on ${service.autoscale.cpuPercent}% CPU utilisation but has no resources.cpu request, so its HPA cannot compute utilisation and never scales`,
      });
    }
  },
});
