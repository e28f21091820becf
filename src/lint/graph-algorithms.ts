import type { RelatedLocation } from '../diagnostics/diagnostic.js';
import type { ResolvedSystem } from '../resolve/resolve.js';

/**
 * Graph algorithms for the call graph, each linear in nodes + edges and iterative, so a deep chain of
 * calls cannot overflow the stack. Nodes are service names.
 */
export type Successors = (node: string) => readonly string[];

/**
 * Computes a value per node from the values of its successors, visiting every node and edge once (a
 * memoised depth-first fold; it never enumerates paths). A successor still being computed closes a cycle
 * and is left out: cycles are reported by `call-cycle`.
 */
export function foldGraph<V>(
  nodes: readonly string[],
  successors: Successors,
  combine: (node: string, done: Array<{ node: string; value: V }>) => V,
): Map<string, V> {
  const values = new Map<string, V>();
  const active = new Set<string>();
  for (const root of nodes) {
    if (values.has(root)) continue;
    const stack = [{ node: root, next: successors(root), i: 0 }];
    active.add(root);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      if (frame.i < frame.next.length) {
        const child = frame.next[frame.i++]!;
        if (!values.has(child) && !active.has(child)) {
          active.add(child);
          stack.push({ node: child, next: successors(child), i: 0 });
        }
        continue;
      }
      stack.pop();
      active.delete(frame.node);
      const done = frame.next.filter((n) => values.has(n)).map((n) => ({ node: n, value: values.get(n)! }));
      values.set(frame.node, combine(frame.node, done));
    }
  }
  return values;
}

/**
 * Every node once, callers before callees: the reverse of a depth-first postorder. Outside cycles, a node comes
 * after every node that reaches it, so a search started in this order starts at the outermost callers.
 */
export const reversePostorder = (nodes: readonly string[], successors: Successors): string[] =>
  [...foldGraph(nodes, successors, () => undefined).keys()].reverse();

/** Tarjan's strongly connected components. */
export function stronglyConnectedComponents(nodes: readonly string[], successors: Successors): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    return { node, next: successors(node), i: 0 };
  };
  for (const start of nodes) {
    if (index.has(start)) continue;
    const work = [visit(start)];
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      if (frame.i < frame.next.length) {
        const child = frame.next[frame.i++]!;
        if (!index.has(child)) work.push(visit(child));
        else if (onStack.has(child)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(child)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        components.push(component);
      }
    }
  }
  return components;
}

/** A shortest path from `from` to `to` (inclusive) using only nodes in `within`, by breadth-first search. */
export function shortestPath(
  from: string,
  to: string,
  successors: Successors,
  within: ReadonlySet<string>,
): string[] | undefined {
  const parent = new Map<string, string>();
  const queue = [from];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    for (const next of successors(node)) {
      if (!within.has(next)) continue;
      if (next === to) {
        const path = [to, node];
        for (let at = node; at !== from; ) {
          at = parent.get(at)!;
          path.push(at);
        }
        return path.reverse();
      }
      if (next !== from && !parent.has(next)) {
        parent.set(next, node);
        queue.push(next);
      }
    }
  }
  return undefined;
}

/** The hops of a path of services (`a → b → c`) as related locations: each call, at the caller's `calls` entry. */
export function callHops(resolved: ResolvedSystem, path: readonly string[]): RelatedLocation[] {
  return path.slice(1).map((to, i) => {
    const from = path[i]!;
    const call = resolved.calls(from).find((c) => c.target.name === to)?.call;
    return { path: call?.path ?? resolved.service(from)!.path, message: `${from} → ${to}` };
  });
}
