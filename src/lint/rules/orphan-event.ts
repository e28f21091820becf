import { codes } from '../../diagnostics/codes.js';
import { defineRule } from '../rule.js';

export const rule = defineRule({
  meta: codes.orphanEvent,
  evaluate({ system, resolved, report }) {
    for (const event of system.events) {
      const missing = [
        ...(resolved.publishers(event.name).length === 0 ? ['publishes'] : []),
        ...(resolved.subscribers(event.name).length === 0 ? ['subscribes to'] : []),
      ];
      if (missing.length > 0) report({ path: event.path, message: `nobody ${missing.join(' or ')} '${event.name}'` });
    }
  },
});
