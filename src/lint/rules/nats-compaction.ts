import { codes } from '../../diagnostics/codes.js';
import { defineRule } from '../rule.js';

export const rule = defineRule({
  meta: codes.natsCompaction,
  evaluate({ system, report }) {
    if (system.broker.kind !== 'nats') return;
    for (const event of system.events) {
      if (!event.compacted) continue;
      report({
        path: `${event.path}/compacted`,
        message: `JetStream has no log compaction: stream '${event.name}' keeps every message until its retention expires`,
      });
    }
  },
});
