import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createJiti } from 'jiti';
import { createTsLocator } from './locate-ts.js';
import { loadError, type LoadedSpec, type Position } from './source.js';

/** Our own entry point, so `import { defineSystem } from 'hamesh'` works in specs outside this package. */
function hameshEntry(): string {
  const built = fileURLToPath(new URL('../dsl.js', import.meta.url));
  return existsSync(built) ? built : fileURLToPath(new URL('../dsl.ts', import.meta.url));
}

let jiti: ReturnType<typeof createJiti> | undefined;

/** Loads a `.ts`, `.mts`, `.js` or `.mjs` spec module with jiti (no build step) and takes its default export. */
export async function loadModule(file: string, absolutePath: string): Promise<LoadedSpec> {
  const text = readFileSync(absolutePath, 'utf8');
  jiti ??= createJiti(import.meta.url, {
    alias: { hamesh: hameshEntry() },
    moduleCache: false,
    fsCache: false,
    interopDefault: false,
  });
  let exported: unknown;
  try {
    const module = (await jiti.import(absolutePath)) as { default?: unknown };
    exported = module.default;
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw loadError(file, `the spec module threw while loading: ${message}`, throwSite(error, absolutePath));
  }
  if (exported === undefined) {
    throw loadError(file, 'the spec module has no default export: end it with `export default defineSystem({...})`');
  }
  return { file, format: 'module', data: toPlainData(exported), locate: createTsLocator(file, text) };
}

/** The spec file's line and column from a thrown error's stack, when it shows one. */
function throwSite(error: unknown, absolutePath: string): Position | undefined {
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  const escaped = absolutePath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}:(\\d+):(\\d+)`).exec(stack);
  return match ? { line: Number(match[1]), column: Number(match[2]) } : undefined;
}

/** A module may export class instances, functions or undefined fields; the spec is plain JSON data. */
function toPlainData(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? Number(v) : v)));
}
