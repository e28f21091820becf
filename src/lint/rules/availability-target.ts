import { codes } from '../../diagnostics/codes.js';
import { defineRule } from '../rule.js';
import { minReplicas } from '../replicas.js';
import { callHops, foldGraph } from '../graph-algorithms.js';
import { isExternal } from '../../resolve/resolve.js';

interface Estimate {
  availability: number;
  /** The critical callee with the lowest estimate. */
  costliest?: { name: string; availability: number };
}

/** Percent, rounded down so an estimate is never overstated: 0.9999994 → `99.9999%`. */
const percent = (fraction: number) => `${Math.floor(fraction * 1e6 + 1e-9) / 1e4}%`;

/**
 * Percentage points of floating-point error to forgive: 1 − 0.005² is 99.99749999999999%, not 99.9975%. Far below the
 * shown precision (0.0001), so an estimate reported as below the SLO is shown, rounded down, as a smaller number.
 */
const TOLERANCE = 1e-9;

export const rule = defineRule({
  meta: codes.availabilityTarget,
  evaluate({ system, resolved, policy, report }) {
    const p = policy.model.replicaAvailability;
    const successors = (name: string) =>
      resolved
        .calls(name)
        .filter((c) => c.call.critical)
        .map((c) => c.target.name);
    const estimates = foldGraph<Estimate>(
      system.services.map((s) => s.name),
      successors,
      (name, done) => {
        // An external counts with the availability its provider promises (`slo.availability`, default 99.9%).
        const target = resolved.target(name)!;
        let availability = isExternal(target) ? target.availability / 100 : 1 - (1 - p) ** minReplicas(target);
        let costliest: Estimate['costliest'];
        for (const { node, value } of done) {
          availability *= value.availability;
          if (!costliest || value.availability < costliest.availability)
            costliest = { name: node, availability: value.availability };
        }
        return costliest ? { availability, costliest } : { availability };
      },
    );
    for (const service of system.services) {
      if (!service.slo) continue;
      const { availability, costliest } = estimates.get(service.name)!;
      if (availability * 100 >= service.slo.availability - TOLERANCE) continue;
      report({
        path: `${service.path}/slo/availability`,
        ...(costliest && {
          related: callHops(resolved, [service.name, costliest.name]).map((hop) => ({
            ...hop,
            message: `${hop.message}: estimated at ${percent(costliest.availability)}`,
          })),
        }),
        message:
          `'${service.name}' is estimated at ${percent(availability)}, below its SLO of ${service.slo.availability}% ` +
          `(${minReplicas(service)} replica(s) at ${p} each` +
          (costliest ? `; costliest dependency '${costliest.name}' at ${percent(costliest.availability)})` : ')'),
      });
    }
  },
});
