import { defineRule } from '../rule.js';

export const rule = defineRule({
  meta: {
    id: 'ordered-retry',
    severity: 'warning',
    description: 'An ordered subscription retries through non-blocking retry topics, which loses the order.',
    rationale:
      'A subscription `retry` moves a failed message to a retry topic and goes on with the next one, so a retried message is ' +
      'handled after messages that came after it: `ordered: true` no longer holds for the key. On NATS (broker kind nats) an ordered ' +
      'consumer keeps one message in flight and redelivers it in place, so the order holds and the rule skips it.',
    fix: 'Drop `retry` from the ordered subscription (let the consumer block and redeliver in place), or drop `ordered: true` if order does not matter.',
  },
  check({ system, report }) {
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
