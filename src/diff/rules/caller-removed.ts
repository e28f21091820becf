import { codes } from '../../diagnostics/codes.js';
import type { RenderedDocument } from '../../render/target.js';
import type { DiffRule } from '../rule.js';

/** Whether the new build admits callers of `service` through an AuthorizationPolicy (the Istio target renders one per service). */
const guarded = (documents: readonly RenderedDocument[], service: string) =>
  documents.some(
    (d) =>
      d.value.kind === 'AuthorizationPolicy' &&
      (d.value.spec as { selector?: { matchLabels?: Record<string, string> } } | undefined)?.selector?.matchLabels
        ?.app === service,
  );

export const callerRemoved: DiffRule = {
  meta: codes.callerRemoved,
  inspect({ before, after, afterDocuments, report }) {
    for (const old of before.system.services) {
      const caller = after.service(old.name);
      if (!caller) continue;
      for (const call of old.calls) {
        if (
          caller.calls.some((c) => c.service === call.service) ||
          !after.service(call.service) ||
          !guarded(afterDocuments, call.service)
        )
          continue;
        report({
          path: `${caller.path}/calls`,
          message: `${caller.name} no longer calls ${call.service}: ${call.service}'s AuthorizationPolicy will refuse its requests (403) once applied, so deploy code that stopped calling first`,
        });
      }
    }
  },
};
