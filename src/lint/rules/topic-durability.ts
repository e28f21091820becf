import { codes } from '../../diagnostics/codes.js';
import { DEFAULTS } from '../../normalize/defaults.js';
import { defineRule } from '../rule.js';
import { highestTier } from '../tiers.js';

export const rule = defineRule({
  meta: codes.topicDurability,
  evaluate({ system, resolved, policy, report }) {
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
