import type { NormalizedService } from '../../normalize/model.js';
import { defineRule } from '../rule.js';
import { describeReplicas, minReplicas, replicasOrigin } from '../facts.js';

/** Why a service is a single point of failure, and the value to change; undefined when it is not one. */
function weakness(s: NormalizedService): { reason: string; path: string } | undefined {
  if (minReplicas(s) < 2) return { reason: describeReplicas(minReplicas(s), s), path: replicasOrigin(s) };
  if (s.spread === 'none') return { reason: "spread 'none', so every replica may share one node", path: s.origin.spread };
  return undefined;
}

export const rule = defineRule({
  meta: {
    id: 'spof-dependency',
    severity: 'error',
    description: 'A critical or standard service depends, through critical calls, on a single point of failure.',
    rationale:
      'A service is only as available as the services it cannot work without. A critical or standard service that reaches, ' +
      'through a chain of critical calls, a service with fewer than 2 replicas or `spread: none` fails whenever that one pod ' +
      'or node does, however many replicas it runs itself. Per-object linters cannot see this: it only shows across the call graph.',
    fix: 'Give the dependency at least 2 replicas spread over nodes or zones, or mark the call `critical: false` if the caller degrades gracefully without it.',
  },
  check({ system, resolved, report }) {
    const criticalCallees = (name: string) => resolved.callees(name).filter((c) => c.call.critical).map((c) => c.service.name);
    const calledCritically = (s: NormalizedService) => resolved.callers(s.name).some((c) => c.call.critical);
    const sources = system.services.filter((s) => s.tier !== 'best-effort');
    // Breadth-first from the entry points first, so a path starts at the outermost caller (frontend → cart → …).
    const starts = [...sources.filter((s) => !calledCritically(s)), ...sources.filter(calledCritically)];
    const parent = new Map<string, string | undefined>();
    for (const start of starts) {
      if (parent.has(start.name)) continue;
      parent.set(start.name, undefined);
      const queue = [start.name];
      for (let head = 0; head < queue.length; head++) {
        for (const next of criticalCallees(queue[head]!)) {
          if (parent.has(next)) continue;
          parent.set(next, queue[head]);
          queue.push(next);
        }
      }
    }
    for (const service of system.services) {
      const weak = weakness(service);
      if (!weak || parent.get(service.name) === undefined) continue;
      const chain = [service.name];
      for (let at = parent.get(service.name); at !== undefined; at = parent.get(at)) chain.push(at);
      chain.reverse();
      const root = resolved.service(chain[0]!)!;
      report({
        path: weak.path,
        message: `'${service.name}' is a single point of failure (${weak.reason}) for ${root.tier} service '${root.name}': ${chain.join(' → ')}`,
      });
    }
  },
});
