import { codes } from '../../diagnostics/codes.js';
import type { NormalizedService } from '../../normalize/model.js';
import { defineRule } from '../rule.js';

/** 0 for a value set on the service, 1 in its profile, 2 in `defaults`. */
const layer = (service: NormalizedService, origin: string) =>
  origin.startsWith(`${service.path}/`) ? 0 : origin.startsWith('/profiles/') ? 1 : 2;

export const rule = defineRule({
  meta: codes.replicasIgnored,
  evaluate({ system, report }) {
    for (const service of system.services) {
      const origin = service.origin.replicas;
      // A `replicas` in defaults or a profile, under an autoscale set closer to the service, is a fallback, not a mistake.
      if (
        !service.autoscale ||
        !origin.endsWith('/replicas') ||
        layer(service, origin) > layer(service, service.origin.autoscale)
      )
        continue;
      report({
        path: origin,
        message: `'${service.name}' autoscales (${service.autoscale.min}–${service.autoscale.max}), so replicas ${service.replicas} is ignored: the HorizontalPodAutoscaler owns the count`,
      });
    }
  },
});
