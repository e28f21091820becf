import { codes } from '../../diagnostics/codes.js';
import { defineRule } from '../rule.js';

export const rule = defineRule({
  meta: codes.orderedRetry,
  evaluate({ system, report }) {
    if (system.broker.kind !== 'kafka') return;
    for (const service of system.services) {
      for (const subscription of service.subscribes) {
        if (!subscription.ordered || !subscription.retry) continue;
        report({
          path: `${subscription.path}/ordered`,
          message: `'${service.name}' wants '${subscription.event}' in order, but its retry topics redeliver failed messages out of order`,
        });
      }
    }
  },
});
