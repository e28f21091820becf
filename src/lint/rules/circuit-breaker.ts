import { codes } from '../../diagnostics/codes.js';
import type { NormalizedService } from '../../normalize/model.js';
import { defineRule } from '../rule.js';
import { listNames } from '../../util/list-names.js';

export const rule = defineRule({
  meta: codes.circuitBreaker,
  evaluate({ system, resolved, policy, report }) {
    /** The first of the service and its callers whose tier sets requireCircuitBreaker. */
    const requiredBy = (service: NormalizedService) =>
      [service, ...resolved.callers(service.name).map((c) => c.service)].find(
        (s) => policy.tiers[s.tier].requireCircuitBreaker,
      );
    const required = (by: NormalizedService | undefined) =>
      by
        ? { severity: 'error' as const, note: ` (required by the ${by.tier} tier of '${by.name}')` }
        : { severity: 'warning' as const, note: '' };
    const ejectAll = new Map<string, NormalizedService[]>();
    for (const service of system.services) {
      if (service.circuitBreaker?.maxEjectionPercent === 100) {
        const path = `${service.origin.circuitBreaker}/maxEjectionPercent`;
        ejectAll.set(path, [...(ejectAll.get(path) ?? []), service]);
      }
      const callers = resolved.callers(service.name).map((c) => c.service);
      if (callers.length === 0 || service.circuitBreaker) continue;
      const { severity, note } = required(requiredBy(service));
      report({
        path: service.origin.circuitBreaker,
        subject: service.path,
        severity,
        message: `'${service.name}' is called by ${listNames(callers.map((c) => c.name))} but has no circuitBreaker${note}`,
      });
    }
    for (const [path, services] of ejectAll) {
      const by = services.map(requiredBy).find((s) => s !== undefined);
      const { severity, note } = required(by);
      report({
        path,
        severity,
        message: `maxEjectionPercent 100 lets outlier detection eject every endpoint of ${listNames(services.map((s) => s.name))}${note}`,
      });
    }
  },
});
