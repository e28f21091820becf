import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { check } from '../../src/pipeline.js';
import { TemplateEngine } from '../../src/render/engine.js';
import type { Target } from '../../src/render/target.js';
import { targets } from '../../src/render/targets.js';
import type { ResolvedSystem } from '../../src/resolve/graph.js';

export const shopExample = new URL('../../examples/shop/system.ts', import.meta.url).pathname;

/** Loads a spec through the real pipeline; fails the test on any finding. */
export async function resolveSpec(file: string): Promise<ResolvedSystem> {
  const { resolved, diagnostics } = await check(file);
  if (!resolved) throw new Error(`spec has findings: ${JSON.stringify(diagnostics)}`);
  return resolved;
}

export const target = (name: string): Target => targets.find((t) => t.name === name)!;

export const render = (resolved: ResolvedSystem, name: string) => target(name).render(resolved, { engine: new TemplateEngine() });

/** Writes a spec into a temp dir (removed when the calling test finishes) and returns its path. */
export function writeSpec(fileName: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'hamesh-events-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, fileName);
  writeFileSync(file, text);
  return file;
}

/** A copy of the shop example with broker.kind switched to nats. */
export function shopWithNats(): string {
  const source = readFileSync(shopExample, 'utf8');
  const switched = source.replace("broker: { kind: 'kafka',", "broker: { kind: 'nats',");
  if (switched === source) throw new Error('the shop example no longer declares broker.kind kafka as expected');
  return writeSpec('system.ts', switched);
}
