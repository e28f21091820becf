import { codes } from '../../diagnostics/codes.js';
import { retryDelays } from '../../normalize/retry-schedule.js';
import { formatDuration } from '../../spec/duration.js';
import { defineRule } from '../rule.js';

export const rule = defineRule({
  meta: codes.retryRetention,
  evaluate({ system, resolved, report }) {
    const nats = system.broker.kind === 'nats';
    for (const service of system.services) {
      for (const subscription of service.subscribes) {
        if (!subscription.retry) continue;
        const delays = retryDelays(subscription.retry);
        // Kafka: each retry topic holds a record for one delay; NATS: the message ages across every redelivery.
        const wait = nats ? delays.reduce((a, b) => a + b, 0) : Math.max(...delays);
        const retention = resolved.event(subscription.event)!.retentionMs;
        if (wait < retention) continue;
        report({
          path: `${subscription.path}/retry`,
          message: `'${service.name}' may wait ${formatDuration(wait)} to retry '${subscription.event}' (${nats ? 'all redeliveries' : 'its longest delay'}), but the event is kept only ${formatDuration(retention)}`,
        });
      }
    }
  },
});
