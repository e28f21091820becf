import { codes } from '../../diagnostics/codes.js';
import { defineRule } from '../rule.js';

export const rule = defineRule({
  meta: codes.topicDurability,
  evaluate({ system, policy, report }) {
    for (const event of system.events) {
      const { tier } = event;
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
