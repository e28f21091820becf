import { codes } from '../../diagnostics/codes.js';
import { defineRule } from '../rule.js';
import { callHops, shortestPath, stronglyConnectedComponents } from '../graph-algorithms.js';

export const rule = defineRule({
  meta: codes.callCycle,
  evaluate({ system, resolved, report }) {
    const successors = (name: string) =>
      resolved
        .callees(name)
        .filter((c) => c.call.critical)
        .map((c) => c.service.name);
    const names = system.services.map((s) => s.name);
    for (const component of stronglyConnectedComponents(names, successors)) {
      const start = [...component].sort()[0]!;
      const cycle = shortestPath(start, start, successors, new Set(component));
      if (!cycle) continue; // a single service that does not call itself
      const call = resolved.callees(start).find((c) => c.call.critical && c.service.name === cycle[1])!.call;
      report({
        path: call.path,
        related: callHops(resolved, cycle),
        message: `critical calls form a cycle: ${cycle.join(' → ')}`,
      });
    }
  },
});
