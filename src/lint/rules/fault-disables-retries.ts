import { formatDuration } from '../../spec/duration.js';
import { ISTIO_IMPLICIT_RETRIES } from '../facts.js';
import { defineRule } from '../rule.js';

export const rule = defineRule({
  meta: {
    id: 'fault-disables-retries',
    severity: 'warning',
    description: 'A route with `fault` injection silently loses its retries and its timeout in Istio.',
    rationale:
      'Istio turns off the retry policy and the timeout of an HTTP route that injects a fault (delay or abort), without a ' +
      'warning. A fault-injection test then measures a route that behaves unlike the real one: no retries absorb the injected ' +
      'errors and no timeout cuts the injected delay short, so the test says nothing about the resilience it is meant to check.',
    fix: 'Inject the fault at the caller (route its calls through a route with `fault` on the callee) and test the timeout and retries elsewhere, or accept the loss and suppress this finding for the test route.',
  },
  check({ system, report }) {
    for (const service of system.services) {
      for (const route of service.routes) {
        if (!route.fault) continue;
        const retries = route.retries ? `its retries (${route.retries.attempts} attempts)` : `the implicit ${ISTIO_IMPLICIT_RETRIES} retries`;
        const timeout = route.timeoutMs !== undefined ? `its timeout (${formatDuration(route.timeoutMs)})` : 'any timeout';
        const name = route.name !== undefined ? `route '${route.name}'` : `route ${route.path.split('/').at(-1)}`;
        report({
          path: `${route.path}/fault`,
          message: `${name} of '${service.name}' injects a fault, so Istio disables ${retries} and ${timeout} on it`,
        });
      }
    }
  },
});
