import { codes } from '../../diagnostics/codes.js';
import { defineRule } from '../rule.js';

export const rule = defineRule({
  meta: codes.deadLetter,
  evaluate({ system, report }) {
    for (const service of system.services) {
      for (const subscription of service.subscribes) {
        if (!subscription.retry || subscription.deadLetter) continue;
        report({
          path: subscription.path,
          message: `'${service.name}' retries '${subscription.event}' ${subscription.retry.attempts} time(s) but has no deadLetter, so a poison message blocks its partition`,
        });
      }
    }
  },
});
