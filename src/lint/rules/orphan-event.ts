import { defineRule } from '../rule.js';

export const rule = defineRule({
  meta: {
    id: 'orphan-event',
    severity: 'warning',
    description: 'An event nobody publishes or nobody subscribes to.',
    rationale:
      'An event without publishers is a consumer waiting forever; one without subscribers is data written to a topic nobody reads. ' +
      'Either is usually a renamed or removed service the spec forgot, and it still costs a topic, partitions and retention.',
    fix: 'Add the missing `publishes` or `subscribes` entry, or remove the event.',
  },
  check({ system, resolved, report }) {
    for (const event of system.events) {
      const missing = [
        ...(resolved.publishers(event.name).length === 0 ? ['publishes'] : []),
        ...(resolved.subscribers(event.name).length === 0 ? ['subscribes to'] : []),
      ];
      if (missing.length > 0) report({ path: event.path, message: `nobody ${missing.join(' or ')} '${event.name}'` });
    }
  },
});
