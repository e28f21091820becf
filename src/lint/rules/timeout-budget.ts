import { codes } from '../../diagnostics/codes.js';
import { formatDuration } from '../../spec/duration.js';
import { callHops } from '../graph-algorithms.js';
import { defineRule } from '../rule.js';
import { istioRoute, tries, worstCase } from '../istio-route.js';

export const rule = defineRule({
  meta: codes.timeoutBudget,
  evaluate({ system, resolved, report }) {
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
      for (const { target: callee } of resolved.calls(service.name)) {
        const worst = worstCase(callee);
        if (worst === undefined || timeout > worst.ms) continue;
        report({
          path: service.origin.timeout,
          subject: service.path,
          // The call, then where the callee's worst case is set: each clickable in code scanning.
          related: [
            ...callHops(resolved, [service.name, callee.name]),
            {
              path:
                'origin' in callee
                  ? callee.origin[worst.how === 'its timeout' ? 'timeout' : 'retries']
                  : `${callee.path}/${worst.how === 'its timeout' ? 'timeout' : 'retries'}`,
              message: `${callee.name} can take ${formatDuration(worst.ms)} (${worst.how})`,
            },
          ],
          message: `'${service.name}' times out after ${formatDuration(timeout)}, not longer than '${callee.name}' can take (${formatDuration(worst.ms)}: ${worst.how})`,
        });
      }
    }
  },
});
