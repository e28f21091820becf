import { codes } from '../../diagnostics/codes.js';
import { payloadBreaks } from '../payload.js';
import { keptEvents, type DiffRule } from '../rule.js';

export const payloadBreaking: DiffRule = {
  meta: codes.payloadBreaking,
  inspect(context) {
    for (const [old, next] of keptEvents(context)) {
      if (!old.schema) continue;
      const consumers = context.after.subscribers(next.name).map((s) => s.service.name);
      const readers = consumers.length > 0 ? ` (read by ${consumers.join(', ')})` : '';
      if (!next.schema) {
        context.report({
          path: next.path,
          message: `event '${next.name}'${readers}: its payload schema is removed, so nothing holds publishers to what consumers read`,
        });
        continue;
      }
      for (const { path, message } of payloadBreaks(old.schema, next.schema)) {
        context.report({ path: `${next.path}/schema${path}`, message: `event '${next.name}'${readers}: ${message}` });
      }
    }
  },
};
