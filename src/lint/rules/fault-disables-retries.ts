import { codes } from '../../diagnostics/codes.js';
import { formatDuration } from '../../spec/duration.js';
import { defineRule } from '../rule.js';

export const rule = defineRule({
  meta: codes.faultDisablesRetries,
  evaluate({ system, report }) {
    for (const service of system.services) {
      for (const route of service.routes) {
        if (!route.fault) continue;
        const retries = route.retries
          ? `its retries (${route.retries.attempts} attempts)`
          : `the implicit ${service.istioRetries.attempts} retries`;
        const timeout =
          route.timeoutMs !== undefined ? `its timeout (${formatDuration(route.timeoutMs)})` : 'any timeout';
        const name = route.name !== undefined ? `route '${route.name}'` : `route ${route.path.split('/').at(-1)}`;
        report({
          path: `${route.path}/fault`,
          message: `${name} of '${service.name}' injects a fault, so Istio disables ${retries} and ${timeout} on it`,
        });
      }
    }
  },
});
