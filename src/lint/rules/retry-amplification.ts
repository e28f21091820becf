import { codes } from '../../diagnostics/codes.js';
import { defineRule } from '../rule.js';
import { tries } from '../facts.js';
import { foldGraph } from '../graph.js';

interface Amplification {
  /** Worst-case tries at the end of the worst call path starting at this service. */
  factor: number;
  /** The callee on that path. */
  next?: string;
}

export const rule = defineRule({
  meta: {
    ...codes.retryAmplification,
    options: { max: { description: 'The most tries one request may cause at the end of a call path.', default: 10, stricter: 'lower' } },
  },
  check({ system, resolved, options, report }) {
    const max = options.max!;
    const successors = (name: string) => resolved.callees(name).map((c) => c.service.name);
    const amplification = foldGraph<Amplification>(
      system.services.map((s) => s.name),
      successors,
      (name, done) => {
        const worst = done.reduce<{ node: string; value: Amplification } | undefined>(
          (best, c) => (best === undefined || c.value.factor > best.value.factor ? c : best),
          undefined,
        );
        const own = tries(resolved.service(name)!);
        return worst ? { factor: own * worst.value.factor, next: worst.node } : { factor: own };
      },
    );
    for (const service of system.services) {
      const { factor } = amplification.get(service.name)!;
      // Report each worst path once, from its outermost caller.
      if (factor <= max || resolved.callers(service.name).some((c) => amplification.get(c.service.name)!.next === service.name)) continue;
      const path = [service];
      for (let next = amplification.get(service.name)!.next; next !== undefined; next = amplification.get(next)!.next) {
        path.push(resolved.service(next)!);
      }
      const costliest = path.reduce((a, b) => (tries(b) > tries(a) ? b : a));
      report({
        path: costliest.origin.retries,
        subject: costliest.path,
        related: path.map((s) => ({ path: s.origin.retries, message: `${s.name}: ${tries(s)} tries per request` })),
        message:
          `one request to '${service.name}' can become ${factor} tries at '${path.at(-1)!.name}' (max ${max}): ` +
          path.map((s) => `${s.name} (${tries(s)})`).join(' → '),
      });
    }
  },
});
