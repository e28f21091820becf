import { codes } from '../../diagnostics/codes.js';
import { derivedTopics, keptEvents, onKafka, type DiffRule } from '../rule.js';

export const partitionsDecrease: DiffRule = {
  meta: codes.partitionsDecrease,
  inspect(context) {
    if (!onKafka(context)) return;
    for (const [old, next] of keptEvents(context)) {
      if (next.partitions >= old.partitions) continue;
      context.report({
        path: `${next.path}/partitions`,
        message: `event '${next.name}'${derivedTopics(context.afterDocuments, next.name)}: partitions ${old.partitions} → ${next.partitions}; Kafka cannot remove partitions and Strimzi refuses the change`,
      });
    }
  },
};
