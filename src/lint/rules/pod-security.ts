import { codes } from '../../diagnostics/codes.js';
import { defineRule } from '../rule.js';

/** The one capability the Pod Security "restricted" profile lets a container add. */
const allowedCapability = 'NET_BIND_SERVICE';

export const rule = defineRule({
  meta: codes.podSecurity,
  evaluate({ system, report }) {
    // A profile or `defaults` serves many services: its value is reported once, where it is written.
    const reported = new Set<string>();
    const once = (path: string, message: string) => {
      if (reported.has(path)) return;
      reported.add(path);
      report({ path, message });
    };
    for (const { pod } of system.services) {
      if (!pod.security.runAsNonRoot) {
        once(
          pod.origin.runAsNonRoot,
          'lets containers run as root, which the Pod Security "restricted" profile forbids: a namespace enforcing it refuses the pods; set security.runAsUser to a non-root id instead',
        );
      }
      for (const { capability, path } of pod.origin.capabilitiesAdd) {
        if (capability === allowedCapability) continue;
        once(
          path,
          `adds ${capability}, which the Pod Security "restricted" profile forbids (only ${allowedCapability} may be added): a namespace enforcing it refuses the pods`,
        );
      }
    }
  },
});
