import { codes } from '../../diagnostics/codes.js';
import { isExternal, type CallTarget } from '../../resolve/resolve.js';
import { defineRule } from '../rule.js';
import { describeReplicas, minReplicas, replicasOrigin } from '../replicas.js';
import { callHops, reversePostorder } from '../graph-algorithms.js';
import { ingressHosts } from '../../resolve/ingress-hosts.js';

/**
 * Why a service or an external is a single point of failure, and the value to change; undefined when it is not
 * one. An external runs no replicas of ours: without a circuit breaker its failures reach every caller.
 */
function weakness(s: CallTarget): { reason: string; path: string } | undefined {
  if (isExternal(s))
    return s.circuitBreaker
      ? undefined
      : { reason: 'an external without a circuitBreaker, so its failures reach every caller', path: s.path };
  if (minReplicas(s) < 2) return { reason: describeReplicas(minReplicas(s), s), path: replicasOrigin(s) };
  if (s.spread === 'none')
    return { reason: "spread 'none', so every replica may share one node", path: s.origin.spread };
  return undefined;
}

export const rule = defineRule({
  meta: codes.spofDependency,
  evaluate({ system, resolved, report }) {
    const criticalCallees = (name: string) =>
      resolved
        .calls(name)
        .filter((c) => c.call.critical)
        .map((c) => c.target.name);
    const isSource = (name: string) => (resolved.service(name)?.tier ?? 'best-effort') !== 'best-effort';
    // Breadth-first from the critical and standard services, callers first, so a path starts at the outermost caller
    // (frontend → cart → …). `parent` is the search forest (undefined for a start); a start reached again, through a
    // cycle, keeps its first caller in `calledBy`, so a weak start is still reported from the service that reaches it.
    const parent = new Map<string, string | undefined>();
    const calledBy = new Map<string, string>();
    for (const start of reversePostorder(
      system.services.map((s) => s.name),
      criticalCallees,
    ).filter(isSource)) {
      if (parent.has(start)) continue;
      parent.set(start, undefined);
      const queue = [start];
      for (let head = 0; head < queue.length; head++) {
        const node = queue[head]!;
        for (const next of criticalCallees(node)) {
          if (!parent.has(next)) {
            parent.set(next, node);
            queue.push(next);
          } else if (parent.get(next) === undefined && !calledBy.has(next)) calledBy.set(next, node);
        }
      }
    }
    for (const service of [...system.services, ...system.externals]) {
      const weak = weakness(service);
      const caller = parent.get(service.name) ?? calledBy.get(service.name);
      if (!weak || caller === undefined) continue;
      // Up the forest from the caller. Back at the service itself (a cycle), stop at the critical or standard
      // service it calls, which reaches it more directly.
      const chain = [service.name];
      for (let at: string | undefined = caller; at !== undefined; at = parent.get(at)) {
        chain.push(at);
        if (parent.get(at) === service.name && isSource(at)) break;
      }
      chain.reverse();
      const root = resolved.service(chain[0]!)!;
      report({
        path: weak.path,
        subject: service.path,
        related: callHops(resolved, chain),
        message: `'${service.name}' is a single point of failure (${weak.reason}) for ${root.tier} service '${root.name}': ${chain.join(' → ')}`,
      });
    }
    // An ingress host is an entry point of its own: one served by a single weak service is down whenever that is
    // (unless the service is best-effort, as for callers).
    for (const host of ingressHosts(system)) {
      const backends = [...new Set(host.backends.map((b) => b.service))];
      const weak = backends.length === 1 && isSource(backends[0]!.name) ? weakness(backends[0]!) : undefined;
      if (!weak) continue;
      const service = backends[0]!;
      report({
        path: host.entries[0]!.path,
        subject: service.path,
        related: [{ path: weak.path, message: `'${service.name}' is weak here (${weak.reason})` }],
        message: `the ingress host ${JSON.stringify(host.host)} is served only by '${service.name}', a single point of failure (${weak.reason}): the host is down whenever it is`,
      });
    }
  },
});
