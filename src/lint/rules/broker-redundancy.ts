import { codes } from '../../diagnostics/codes.js';
import { defineRule } from '../rule.js';

export const rule = defineRule({
  meta: codes.brokerRedundancy,
  evaluate({ system, report }) {
    const brokers = system.broker.brokers;
    if (brokers === undefined || system.events.length === 0) return;
    const widest = system.events.reduce((a, b) => (b.replication > a.replication ? b : a));
    if (brokers < widest.replication) {
      report({
        path: '/broker/brokers',
        message: `${brokers} broker(s) cannot hold the ${widest.replication} replicas of '${widest.name}'`,
      });
    } else if (widest.replication > 1 && brokers < 3) {
      report({
        path: '/broker/brokers',
        message: `${brokers} brokers cannot keep replicated events (such as '${widest.name}') writable while one is down; use at least 3`,
      });
    }
  },
});
