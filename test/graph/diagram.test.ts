import { spawnSync } from 'node:child_process';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { specFile, system } from '../helpers/spec.js';

const hamesh = (...args: string[]) => runCli(args);
const hasDot = spawnSync('dot', ['-V']).status === 0;

/** A service calling an external (a hexagon) and another service. */
const withExternal = () =>
  specFile(
    system(
      {
        web: { image: 'ghcr.io/acme/web:1', replicas: 2, calls: ['stripe', 'api'] },
        api: { image: 'ghcr.io/acme/api:1' },
      },
      { externals: { stripe: { hosts: ['api.stripe.com'], ports: { https: { port: 443, protocol: 'https' } } } } },
    ),
  );

interface FlowDb {
  getVertices(): Map<string, { text: string; type: string; classes: string[] }>;
  getEdges(): Array<{ start: string; end: string; type: string; stroke: string }>;
}

/**
 * The real Mermaid parser (the `mermaid` package, as GitHub renders it). It sanitises labels with DOMPurify, which
 * needs a DOM: jsdom's, in place before mermaid loads.
 */
const mermaid = (async () => {
  const { window } = new JSDOM('');
  Object.assign(globalThis, { window, document: window.document });
  return (await import('mermaid')).default;
})();

/** Parses a flowchart as Mermaid does, returning what it understood: nodes (with shape, label, classes) and edges. */
async function parseMermaid(text: string): Promise<FlowDb> {
  const parser = await mermaid;
  expect(await parser.parse(text)).toMatchObject({ diagramType: 'flowchart-v2' });
  return (await parser.mermaidAPI.getDiagramFromText(text)).db as unknown as FlowDb;
}

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

  it('writes Mermaid that the real Mermaid parser reads back: every node, shape, label, edge and class', async () => {
    const db = await parseMermaid(hamesh('graph', 'examples/shop/system.yaml').stdout);
    const vertices = db.getVertices();
    expect(vertices.size).toBe(14);
    expect(vertices.get('s4')).toMatchObject({ text: 'frontend<br>critical · 6–18 replicas', type: 'square' });
    expect(vertices.get('e1')).toMatchObject({
      text: 'order.created<br>6 partitions',
      type: 'stadium',
      classes: ['event'],
    });
    expect([...vertices].filter(([, v]) => v.classes.includes('spof')).map(([id]) => id)).toEqual(['s6', 's8']);
    const edges = db.getEdges();
    expect(edges).toHaveLength(16);
    const edge = (from: string, to: string) => edges.find((e) => e.start === from && e.end === to);
    expect(edge('s4', 's8')).toMatchObject({ type: 'arrow_point', stroke: 'dotted' }); // optional call
    expect(edge('s4', 's3')).toMatchObject({ type: 'arrow_point', stroke: 'normal' }); // critical call
    expect(edge('s3', 'e1')).toMatchObject({ type: 'arrow_point', stroke: 'thick' }); // publish
  });

  it('draws externals as hexagons with their SLO, called like services (Mermaid and Graphviz)', async () => {
    const spec = withExternal();
    const vertices = (await parseMermaid(hamesh('graph', spec).stdout)).getVertices();
    expect(vertices.get('x0')).toMatchObject({
      text: 'stripe<br>external · 99.9% SLO',
      type: 'hexagon',
      classes: ['external'],
    });
    if (!hasDot) return;
    const laid = spawnSync('dot', ['-Tjson'], {
      input: hamesh('graph', spec, '--format', 'dot').stdout,
      encoding: 'utf8',
    });
    expect(laid.status, laid.stderr).toBe(0);
    const graph = JSON.parse(laid.stdout) as {
      objects: Array<{ _gvid: number; label: string; shape: string }>;
      edges: Array<{ tail: number; head: number }>;
    };
    const stripe = graph.objects.find((o) => o.label.startsWith('stripe\n'))!;
    expect(stripe.shape).toBe('hexagon');
    expect(graph.edges.some((e) => e.head === stripe._gvid)).toBe(true);
  });

  it('the Markdown report embeds a graph the Mermaid parser reads; the parser does refuse a broken one', async () => {
    const report = hamesh('lint', '--format', 'markdown', 'examples/shop/system.yaml').stdout;
    const blocks = [...report.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks).toHaveLength(1);
    expect((await parseMermaid(blocks[0]!)).getVertices().size).toBe(14);
    await expect((await mermaid).parse('flowchart LR\n  s0["a"] --> s1[["b"\n')).rejects.toThrow(/Parse error/);
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
