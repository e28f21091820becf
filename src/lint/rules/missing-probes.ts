import { codes } from '../../diagnostics/codes.js';
import { defineRule } from '../rule.js';
import { tierPolicy } from '../tiers.js';

export const rule = defineRule({
  meta: codes.missingProbes,
  evaluate({ system, policy, report }) {
    for (const service of system.services) {
      if (service.probes.readiness !== undefined) continue;
      const required = tierPolicy(policy, service).requireProbes;
      report({
        path: service.origin.probes,
        subject: service.path,
        severity: required ? 'error' : 'warning',
        message: `'${service.name}' has no readiness probe${required ? ` (required for ${service.tier} services)` : ''}`,
      });
    }
  },
});
