import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const hamesh = (...args: string[]) => runCli(args);
const hasDot = spawnSync('dot', ['-V']).status === 0;

describe('hamesh graph', () => {
  it.skipIf(!hasDot)('writes DOT that Graphviz lays out, with tier, replicas and single points of failure', () => {
    const result = hamesh('graph', 'examples/shop/system.yaml', '--format', 'dot');
    expect(result.code).toBe(0);
    const laid = spawnSync('dot', ['-Tjson'], { input: result.stdout, encoding: 'utf8' });
    expect(laid.status, laid.stderr).toBe(0);
    const graph = JSON.parse(laid.stdout) as { objects: Array<{ label: string; color?: string }>; edges: unknown[] };
    expect(graph.objects).toHaveLength(14); // 10 services, 4 events
    expect(graph.edges).toHaveLength(16);
    const node = (name: string) => graph.objects.find((o) => o.label.startsWith(`${name}\n`))!;
    expect(node('frontend').label).toBe('frontend\ncritical · 6–18 replicas');
    expect(node('recommendations').color).toBe('#cc0000');
    expect(node('cart').color).toBeUndefined();
  });

  it('writes a Mermaid flowchart with the same nodes and edges, and SPOFs classed', () => {
    const result = hamesh('graph', 'examples/shop/system.yaml');
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toBe('flowchart LR');
    expect(lines).toContain('  s4["frontend<br/>critical · 6–18 replicas"]');
    expect(lines).toContain('  e1(["order.created<br/>6 partitions"])');
    expect(lines).toContain('  s4 -.-> s8'); // frontend → recommendations is not critical
    expect(lines.filter((l) => /^ {2}\w+ (-->|-\.->|==>) \w+$/.test(l))).toHaveLength(16);
    expect(lines.at(-1)).toBe('  class s6,s8 spof');
  });

  it('draws one environment, and refuses an invalid spec', () => {
    expect(hamesh('graph', 'examples/environments/system.yaml', '--env', 'dev').stdout).toContain(
      'critical · 1 replica"',
    );
    const invalid = hamesh('graph', 'examples/broken.yaml');
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('graph: the spec is invalid');
  });
});
