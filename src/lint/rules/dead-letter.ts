import { defineRule } from '../rule.js';

export const rule = defineRule({
  meta: {
    id: 'dead-letter',
    severity: 'warning',
    description: 'A subscription retries but has no dead-letter topic.',
    rationale:
      'A message that fails every retry (a poison message) has nowhere to go without a dead-letter topic: it is redelivered ' +
      'forever, blocking its partition and every message behind it, or silently dropped.',
    fix: 'Set `deadLetter: true` on the subscription, and alert on the dead-letter topic.',
  },
  check({ system, report }) {
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
