import { DEFAULTS } from '../../normalize/defaults.js';
import { defineRule } from '../rule.js';
import { highestTier } from '../facts.js';

export const rule = defineRule({
  meta: {
    id: 'topic-durability',
    severity: 'error',
    description: "An event's replication (or, on Kafka, minInSync) cannot survive a broker loss for its tier.",
    rationale:
      'A topic with too few replicas loses messages when a broker disk dies. With acks=all producers, minInSync below 2 acknowledges ' +
      'writes that only one broker holds, and minInSync at or above replication blocks every producer as soon as one broker is down. ' +
      "The tier is the highest among the event's publishers and subscribers. JetStream (broker kind nats) has no min-in-sync " +
      'setting (a stream write needs a quorum of its replicas; hamesh emits no minInSync for it), so there only replication is checked.',
    fix: "Set `replication` to at least the tier's minTopicReplication (3 for critical and standard) and, on Kafka, `minInSync` to replication − 1 (2 for 3).",
  },
  check({ system, resolved, policy, report }) {
    for (const event of system.events) {
      const users = [...resolved.publishers(event.name), ...resolved.subscribers(event.name).map((s) => s.service)];
      const tier = highestTier(users.map((s) => s.tier)) ?? DEFAULTS.tier;
      const required = policy.tiers[tier].minTopicReplication;
      const { replication, minInSync } = event;
      if (replication < required) {
        report({
          path: `${event.path}/replication`,
          message: `'${event.name}' has replication ${replication}, but ${tier} events need at least ${required}`,
        });
      }
      if (system.broker.kind === 'nats') continue;
      if (replication >= 3 && minInSync < 2) {
        report({
          path: `${event.path}/minInSync`,
          message: `'${event.name}' has minInSync ${minInSync}, so a write acknowledged by a single broker is lost with it`,
        });
      } else if (minInSync > replication || (replication > 1 && minInSync === replication)) {
        report({
          path: `${event.path}/minInSync`,
          message: `'${event.name}' has minInSync ${minInSync} with replication ${replication}, so ${minInSync > replication ? 'no write can ever succeed' : 'one broker down blocks every producer'}`,
        });
      }
    }
  },
});
