import { codes } from '../../diagnostics/codes.js';
import { derivedTopics, keptEvents, onKafka, type DiffRule } from '../rule.js';

export const replicationChange: DiffRule = {
  meta: codes.replicationChange,
  inspect(context) {
    if (!onKafka(context)) return;
    for (const [old, next] of keptEvents(context)) {
      if (next.replication === old.replication) continue;
      context.report({
        path: `${next.path}/replication`,
        message: `event '${next.name}'${derivedTopics(context.afterDocuments, next.name)}: replication ${old.replication} → ${next.replication} is a partition reassignment (Strimzi does it only with Cruise Control) that copies the topic's data between brokers`,
      });
    }
  },
};
