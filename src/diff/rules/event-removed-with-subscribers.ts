import { codes } from '../../diagnostics/codes.js';
import type { DiffRule } from '../rule.js';

export const eventRemovedWithSubscribers: DiffRule = {
  meta: codes.eventRemovedWithSubscribers,
  inspect({ before, after, report }) {
    for (const old of before.system.events) {
      const subscribers = before.subscribers(old.name);
      if (after.event(old.name) || subscribers.length === 0) continue;
      const names = subscribers.map((s) => s.service.name).join(', ');
      report({
        path: '/events',
        message: `event '${old.name}' is removed while ${names} subscribe${subscribers.length === 1 ? 's' : ''} to it: its topic and the messages not consumed yet are deleted; stop its publishers first and remove it once drained`,
      });
    }
  },
};
