import { describe, expect, it } from 'vitest';
import {
  foldGraph,
  reversePostorder,
  shortestPath,
  stronglyConnectedComponents,
} from '../../src/lint/graph-algorithms.js';
import { lint } from '../../src/lint/engine.js';
import type { Service } from '../../src/spec/schema.generated.js';
import { resolveSpec } from '../helpers/spec.js';

const defaults = {
  probes: { readiness: '/ready' },
  circuitBreaker: { consecutiveErrors: 5, interval: '10s', baseEjectionTime: '30s', maxEjectionPercent: 50 },
};
const graph = (edges: Record<string, string[]>) => (node: string) => edges[node] ?? [];

describe('graph algorithms', () => {
  it('folds every node once, leaving out the edge that closes a cycle', () => {
    const calls: string[] = [];
    const values = foldGraph<number>(['a', 'b', 'c'], graph({ a: ['b'], b: ['c', 'a'], c: [] }), (node, done) => {
      calls.push(node);
      return 1 + done.reduce((sum, d) => sum + d.value, 0);
    });
    expect(calls).toEqual(['c', 'b', 'a']);
    expect(Object.fromEntries(values)).toEqual({ a: 3, b: 2, c: 1 });
  });
  it('orders callers before callees, whatever order the nodes are given in', () => {
    expect(reversePostorder(['a', 'y', 'z'], graph({ y: ['z'], z: ['a'] }))).toEqual(['y', 'z', 'a']);
    expect(reversePostorder(['c', 'b', 'a'], graph({ a: ['b'], b: ['c'] }))).toEqual(['a', 'b', 'c']);
  });
  it('finds strongly connected components and a shortest cycle in one', () => {
    const successors = graph({ a: ['b'], b: ['c'], c: ['a', 'd'], d: ['d'], e: [] });
    const components = stronglyConnectedComponents(['a', 'b', 'c', 'd', 'e'], successors).map((c) => [...c].sort());
    expect(components.sort()).toEqual([['a', 'b', 'c'], ['d'], ['e']]);
    expect(shortestPath('a', 'a', successors, new Set(['a', 'b', 'c']))).toEqual(['a', 'b', 'c', 'a']);
    expect(shortestPath('d', 'd', successors, new Set(['d']))).toEqual(['d', 'd']);
    expect(shortestPath('e', 'e', successors, new Set(['e']))).toBeUndefined();
  });
});

describe('graph rules stay linear', () => {
  it('lint a ladder of diamonds with 2^60 call paths (enumerating paths would never finish)', () => {
    const services: Record<string, Service> = {};
    const levels = 60;
    for (let i = 0; i < levels; i++) {
      const next = i + 1 < levels ? [`l${i + 1}`, `r${i + 1}`] : [];
      services[`l${i}`] = { image: 'x:1', retries: { attempts: 0 }, calls: next };
      services[`r${i}`] = { image: 'x:1', retries: { attempts: 0 }, calls: next };
    }
    services.entry = { image: 'x:1', retries: { attempts: 1 }, slo: { availability: 99.9 }, calls: ['l0', 'r0'] };
    const findings = lint(resolveSpec({ defaults, services }));
    // Every service has 2 replicas, so the SLO check multiplies 121 service estimates along the graph.
    expect(findings.map((d) => d.rule)).toEqual(['availability-target']);
  });
  it('lint a chain of 5,000 calls without overflowing the stack', () => {
    const services: Record<string, Service> = {};
    for (let i = 0; i < 5000; i++)
      services[`s${i}`] = { image: 'x:1', retries: { attempts: 0 }, ...(i + 1 < 5000 && { calls: [`s${i + 1}`] }) };
    services.s4999 = { image: 'x:1', retries: { attempts: 0 }, calls: ['s0'] };
    const findings = lint(resolveSpec({ defaults, services }));
    expect(findings.map((d) => [d.rule, d.path])).toEqual([['call-cycle', '/services/s0/calls/0']]);
  });
});
