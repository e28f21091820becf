import { codes } from '../../diagnostics/codes.js';
import { describeClaim, samplePath } from '../../spec/ingress-paths.js';
import { ingressHosts } from '../../resolve/ingress-hosts.js';
import { defineRule } from '../rule.js';

/** The regex as Envoy applies it (the whole path must match); undefined when JavaScript cannot read it (RE2-only syntax). */
function wholeMatch(regex: string): RegExp | undefined {
  try {
    return new RegExp(`^(?:${regex})$`);
  } catch {
    return undefined;
  }
}

export const rule = defineRule({
  meta: codes.ingressRegexOverlap,
  evaluate({ system, report }) {
    for (const host of ingressHosts(system)) {
      for (const backend of host.backends) {
        const pattern = backend.claim.kind === 'regex' ? wholeMatch(backend.claim.value) : undefined;
        if (!pattern) continue;
        // Exact paths and prefixes come before regexes in the host's routes: what they take, the regex never gets.
        for (const earlier of host.backends) {
          const sample = samplePath(earlier.claim);
          if (earlier.service === backend.service || sample === undefined || !pattern.test(sample)) continue;
          report({
            path: backend.path,
            subject: backend.service.path,
            message:
              `${describeClaim(backend.claim)} of '${backend.service.name}' on host ${JSON.stringify(host.host)} matches ${JSON.stringify(sample)}, ` +
              `but ${describeClaim(earlier.claim)} of '${earlier.service.name}' comes first and takes those requests`,
            related: [
              { path: earlier.path, message: `'${earlier.service.name}' takes ${describeClaim(earlier.claim)} here` },
            ],
          });
        }
      }
    }
  },
});
