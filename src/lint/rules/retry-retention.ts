import { retryDelays } from '../../resolve/retry-schedule.js';
import { formatDuration } from '../../spec/duration.js';
import { defineRule } from '../rule.js';

export const rule = defineRule({
  meta: {
    id: 'retry-retention',
    severity: 'warning',
    description: "A subscription's retries wait longer than the event is retained, so a message can be deleted before its retry.",
    rationale:
      "On Kafka a retry topic keeps its records for the event's retention, so a record whose delay outlasts it can be deleted " +
      'before it is retried. On NATS the message stays in its stream until max_age, so a redelivery later than the retention ' +
      'finds it gone. Either way a failed message is lost without reaching its dead-letter topic.',
    fix: "Lower the retry `delay`/`maxDelay` (or attempts on NATS), or raise the event's `retention`.",
  },
  check({ system, resolved, report }) {
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
