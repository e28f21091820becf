import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/*
 * The pipeline is one straight line, and the folders of src/ show it. A stage takes the previous stage's
 * output and never reaches back, so no module of a stage imports a module of a later one.
 */

const src = new URL('../src/', import.meta.url).pathname;

/** Pipeline order. `environment` is merged over the spec before validation; `policy` merged before normalizing. */
const stages = [
  'load',
  'environment',
  'validate',
  'policy',
  'normalize',
  'resolve',
  'lint',
  'render',
  'verify',
  'write',
];
/** Folders at a stage's rank: the `hamesh graph` diagram reads the resolved graph and lint's replica counts, as render does. */
const sameRankAs: Record<string, string> = { graph: 'render' };
/** Used by every stage, importing none: the diagnostics catalogue, the spec's types and helpers, generated code. */
const shared = ['diagnostics', 'spec', 'util', 'generated', 'dsl.ts', 'dsl-patches.ts'];
/** What drives the stages, and may import any of them. */
const drivers = ['cli', 'diff', 'pipeline.ts', 'index.ts'];

/** The top-level folder (or file) of src/ a path belongs to. */
const unitOf = (file: string) => relative(src, file).split('/')[0]!;

const rankOf = (unit: string): number | undefined => {
  const stage = stages.indexOf(sameRankAs[unit] ?? unit);
  return stage >= 0 ? stage : shared.includes(unit) ? -1 : undefined;
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.[cm]?[jt]s$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every relative import of every module (static, dynamic and re-exports), resolved to the imported file's path. */
const imports = sourceFiles(src).flatMap((file) =>
  ts
    .preProcessFile(readFileSync(file, 'utf8'), true, true)
    .importedFiles.filter(({ fileName }) => fileName.startsWith('.'))
    .map(({ fileName }) => ({ from: file, to: resolve(dirname(file), fileName).replace(/\.js$/, '.ts') })),
);

type Edge = { from: string; to: string };

/** Imports of a later stage by a stage, and of a stage or driver by something shared. */
const backwards = (edges: readonly Edge[]) =>
  edges.filter(({ from, to }) => {
    const [a, b] = [unitOf(from), unitOf(to)];
    if (drivers.includes(a)) return false;
    return drivers.includes(b) || rankOf(b)! > rankOf(a)!;
  });

const show = (edge: Edge) => `${relative(src, edge.from)} imports ${relative(src, edge.to)}`;

describe('the import graph of src/', () => {
  it('has every top-level folder and file placed: a stage, shared, or a driver', () => {
    const units = new Set(sourceFiles(src).map(unitOf));
    expect([...units].filter((unit) => rankOf(unit) === undefined && !drivers.includes(unit))).toEqual([]);
    expect(imports.length).toBeGreaterThan(100);
  });

  it('has no stage importing a later stage, and nothing shared importing a stage or a driver', () => {
    expect(backwards(imports).map(show)).toEqual([]);
  });

  it('has lint reach no module of load, even through other modules', () => {
    const next = new Map<string, string[]>();
    for (const { from, to } of imports) next.set(from, [...(next.get(from) ?? []), to]);
    const reached = new Set(sourceFiles(join(src, 'lint')));
    for (const file of reached) for (const to of next.get(file) ?? []) reached.add(to);
    expect([...reached].filter((file) => unitOf(file) === 'load').map((file) => relative(src, file))).toEqual([]);
  });

  it('tells backwards imports from forward ones', () => {
    const edge = (from: string, to: string) => ({ from: join(src, from), to: join(src, to) });
    const edges = [
      edge('lint/engine.ts', 'render/target.ts'),
      edge('util/order.ts', 'load/source.ts'),
      edge('render/target.ts', 'pipeline.ts'),
      edge('render/target.ts', 'resolve/resolve.ts'),
      edge('graph/diagram.ts', 'lint/replicas.ts'),
      edge('cli/build.ts', 'write/plan.ts'),
      edge('policy/load.ts', 'validate/schema.ts'),
    ];
    expect(backwards(edges).map(show)).toEqual([
      'lint/engine.ts imports render/target.ts',
      'util/order.ts imports load/source.ts',
      'render/target.ts imports pipeline.ts',
    ]);
  });
});
