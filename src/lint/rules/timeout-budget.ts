import { formatDuration } from '../../spec/duration.js';
import { defineRule } from '../rule.js';
import { istioRoute, tries, worstCase } from '../facts.js';

export const rule = defineRule({
  meta: {
    id: 'timeout-budget',
    severity: 'warning',
    description: "A caller's timeout does not outlast a callee's worst case, or a service's retries cannot fit in its own timeout.",
    rationale:
      'A caller that gives up before its callee can answer (after the callee\'s retries, each up to perTryTimeout, capped by its ' +
      'timeout) wastes the work and retries a request that may still succeed. Retries whose (1 + attempts) × perTryTimeout exceed the ' +
      'route timeout can never all run: the timeout cuts them off. Istio applies timeouts and retries to HTTP and gRPC routes only, ' +
      'so a `protocol: tcp` service has neither.',
    fix: "Make each caller's `timeout` longer than every callee's worst case, and keep (1 + attempts) × perTryTimeout within a service's own `timeout`.",
  },
  check({ system, resolved, report }) {
    for (const service of system.services) {
      const { timeoutMs: timeout, perTryTimeoutMs: perTry } = istioRoute(service);
      if (timeout === undefined) continue;
      if (perTry !== undefined && tries(service) * perTry > timeout) {
        report({
          path: service.origin.retries,
          subject: service.path,
          message: `'${service.name}' allows ${tries(service)} tries × ${formatDuration(perTry)} = ${formatDuration(tries(service) * perTry)}, more than its timeout ${formatDuration(timeout)}, so the last retries never run`,
        });
      }
      for (const { service: callee } of resolved.callees(service.name)) {
        const worst = worstCase(callee);
        if (worst === undefined || timeout > worst.ms) continue;
        report({
          path: service.origin.timeout,
          subject: service.path,
          message: `'${service.name}' times out after ${formatDuration(timeout)}, not longer than '${callee.name}' can take (${formatDuration(worst.ms)}: ${worst.how})`,
        });
      }
    }
  },
});
