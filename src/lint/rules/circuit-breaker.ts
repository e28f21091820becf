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
    const ejectAll = new Map<string, string[]>();
    for (const service of system.services) {
      if (service.circuitBreaker?.maxEjectionPercent === 100) {
        const path = `${service.origin.circuitBreaker}/maxEjectionPercent`;
        ejectAll.set(path, [...(ejectAll.get(path) ?? []), service.name]);
      }
      const callers = resolved.callers(service.name).map((c) => c.service);
      if (callers.length === 0 || service.circuitBreaker) continue;
      const requiring = [service, ...callers].filter((s) => policy.tiers[s.tier].requireCircuitBreaker);
      report({
        path: service.origin.circuitBreaker,
        severity: requiring.length > 0 ? 'error' : 'warning',
        message:
          `'${service.name}' is called by ${listNames(callers.map((c) => c.name))} but has no circuitBreaker` +
          (requiring.length > 0 ? ` (required by the ${requiring[0]!.tier} tier of '${requiring[0]!.name}')` : ''),
      });
    }
    for (const [path, names] of ejectAll) {
      report({ path, message: `maxEjectionPercent 100 lets outlier detection eject every endpoint of ${listNames(names)}` });
    }
  },
});
