import { defineRule } from '../rule.js';

export const rule = defineRule({
  meta: {
    id: 'broker-redundancy',
    severity: 'error',
    description: 'The broker cluster has fewer brokers than the largest replication, or fewer than 3 while any event is replicated.',
    rationale:
      'A topic cannot have more replicas than there are brokers to hold them, so its creation fails or it stays under-replicated. ' +
      'Replicated topics (and a Raft or KRaft quorum) need at least 3 brokers to keep accepting writes while one is down for maintenance.',
    fix: 'Raise `broker.brokers` to at least the largest `replication`, and to at least 3 when any event has replication above 1.',
  },
  check({ system, report }) {
    const brokers = system.broker.brokers;
    if (brokers === undefined || system.events.length === 0) return;
    const widest = system.events.reduce((a, b) => (b.replication > a.replication ? b : a));
    if (brokers < widest.replication) {
      report({ path: '/broker/brokers', message: `${brokers} broker(s) cannot hold the ${widest.replication} replicas of '${widest.name}'` });
    } else if (widest.replication > 1 && brokers < 3) {
      report({ path: '/broker/brokers', message: `${brokers} brokers cannot keep replicated events (such as '${widest.name}') writable while one is down; use at least 3` });
    }
  },
});
