import { codes } from '../../diagnostics/codes.js';
import { keptEvents, onKafka, type DiffRule } from '../rule.js';

export const partitionsIncreaseKeyed: DiffRule = {
  meta: codes.partitionsIncreaseKeyed,
  inspect(context) {
    if (!onKafka(context)) return;
    for (const [old, next] of keptEvents(context)) {
      if (next.partitions <= old.partitions) continue;
      const ordered = context.after.subscribers(next.name).filter((s) => s.subscription.ordered);
      const key = next.key ?? old.key;
      if (key === undefined && ordered.length === 0) continue;
      const why = [
        key !== undefined && `keyed by '${key}'`,
        ordered.length > 0 && `read in order by ${ordered.map((s) => s.service.name).join(', ')}`,
      ]
        .filter(Boolean)
        .join(' and ');
      context.report({
        path: `${next.path}/partitions`,
        message: `event '${next.name}' (${why}): partitions ${old.partitions} → ${next.partitions} moves most keys to another partition, so events of one key can be consumed out of order while the old ones drain`,
        related: ordered.map((s) => ({
          path: s.subscription.path,
          message: `${s.service.name} subscribes with ordered: true`,
        })),
      });
    }
  },
};
