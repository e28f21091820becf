import { codes } from '../../diagnostics/codes.js';
import { defineRule } from '../rule.js';
import { retriesOrigin, tries } from '../istio-route.js';
import { foldGraph } from '../graph-algorithms.js';

interface Amplification {
  /** Worst-case tries at the end of the worst call path starting at this service. */
  factor: number;
  /** log10 of `factor`, which stays finite (and comparable) when a long chain overflows `factor` to Infinity. */
  log: number;
  /** The callee on that path. */
  next?: string;
}

export const rule = defineRule({
  meta: codes.retryAmplification,
  evaluate({ system, resolved, options, report }) {
    const max = options.max!;
    const successors = (name: string) => resolved.calls(name).map((c) => c.target.name);
    const amplification = foldGraph<Amplification>(
      system.services.map((s) => s.name),
      successors,
      (name, done) => {
        const worst = done.reduce<{ node: string; value: Amplification } | undefined>(
          (best, c) => (best === undefined || c.value.log > best.value.log ? c : best),
          undefined,
        );
        const own = tries(resolved.target(name)!);
        const log = Math.log10(own);
        return worst
          ? { factor: own * worst.value.factor, log: log + worst.value.log, next: worst.node }
          : { factor: own, log };
      },
    );
    for (const service of system.services) {
      const { factor, log } = amplification.get(service.name)!;
      // Report each worst path once, from its outermost caller.
      if (
        factor <= max ||
        resolved.callers(service.name).some((c) => amplification.get(c.service.name)!.next === service.name)
      )
        continue;
      const path = [resolved.target(service.name)!];
      for (let next = amplification.get(service.name)!.next; next !== undefined; next = amplification.get(next)!.next) {
        path.push(resolved.target(next)!);
      }
      const costliest = path.reduce((a, b) => (tries(b) > tries(a) ? b : a));
      report({
        path: retriesOrigin(costliest),
        subject: costliest.path,
        related: path.map((s) => ({ path: retriesOrigin(s), message: `${s.name}: ${tries(s)} tries per request` })),
        message:
          `one request to '${service.name}' can become ${count(factor, log)} tries at '${path.at(-1)!.name}' (max ${max}): ` +
          hops(path.map((s) => `${s.name} (${tries(s)})`)),
      });
    }
  },
});

/** An exact count while it is one, else its order of magnitude ("more than 10^300"). */
function count(factor: number, log: number): string {
  return Number.isSafeInteger(factor) ? String(factor) : `more than 10^${Math.floor(log)}`;
}

/** The hops of a path for a message; a long one keeps its ends (every hop is still a related location). */
function hops(names: string[]): string {
  const shown = 12;
  if (names.length <= shown) return names.join(' → ');
  return [...names.slice(0, shown - 2), `… ${names.length - shown} more …`, ...names.slice(-2)].join(' → ');
}
