import type { NormalizedService } from '../../normalize/model.js';
import { defineRule } from '../rule.js';
import { listNames } from '../facts.js';

export const rule = defineRule({
  meta: {
    id: 'circuit-breaker',
    severity: 'warning',
    description: 'A called service has no circuitBreaker, or one that may eject every endpoint (an error when a tier sets requireCircuitBreaker).',
    rationale:
      'Without outlier detection the mesh keeps sending a share of every request to a broken pod, so one bad replica fails ' +
      'requests all the way up the call graph. A maxEjectionPercent of 100 can eject every endpoint at once, leaving the service with none.',
    fix: 'Add a `circuitBreaker` (consecutiveErrors, interval, baseEjectionTime, maxEjectionPercent below 100) to the called service, its profile or `defaults`.',
  },
  check({ system, resolved, policy, report }) {
    /** The first of the service and its callers whose tier sets requireCircuitBreaker. */
    const requiredBy = (service: NormalizedService) =>
      [service, ...resolved.callers(service.name).map((c) => c.service)].find((s) => policy.tiers[s.tier].requireCircuitBreaker);
    const required = (by: NormalizedService | undefined) =>
      by ? { severity: 'error' as const, note: ` (required by the ${by.tier} tier of '${by.name}')` } : { severity: 'warning' as const, note: '' };
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
