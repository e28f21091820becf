import { existsSync, readFileSync } from 'node:fs';
import { register, SourceMap } from 'node:module';
import { pathToFileURL } from 'node:url';
import { isTypeScript } from './extensions.js';

/** Our own entry point, so `import { defineSystem } from 'hamesh'` works in specs outside this package. */
function hameshEntry(): string {
  const built = new URL('../dsl.js', import.meta.url);
  return existsSync(built) ? built.href : new URL('../dsl.ts', import.meta.url).href;
}

/** Sends the modules this worker imports through module-hooks.ts (once per worker, before the spec's path is known). */
export function registerHooks(): void {
  register('./module-hooks.js', import.meta.url, { data: { hamesh: hameshEntry() } });
}

/**
 * Runs a `.ts`, `.mts`, `.cts`, `.js` or `.mjs` spec module (no build step; types stripped by transform.ts through
 * the hooks of module-hooks.ts, registered first) with Node.js's own module loader, and returns its default export,
 * awaited (a spec may export a promise, e.g. one assembled from async reads, or await at its top level). The only
 * place that knows how specs are evaluated; it runs inside the loader's worker (see module-worker.ts), once per worker.
 */
export async function importSpecModule(absolutePath: string): Promise<unknown> {
  const module = (await import(pathToFileURL(absolutePath).href)) as { default?: unknown };
  return await module.default;
}

/**
 * The spec file's line from a thrown error's stack, when it shows one. A TypeScript spec ran as transform.ts made it,
 * so the stack's line and column are traced back to the source through the transform's source map.
 */
export async function thrownAt(error: unknown, absolutePath: string): Promise<number | undefined> {
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  const places = [absolutePath, pathToFileURL(absolutePath).href].map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const match = new RegExp(`(?:${places.join('|')}):(\\d+):(\\d+)`).exec(stack);
  if (!match) return undefined;
  const [line, column] = [Number(match[1]), Number(match[2])];
  if (!isTypeScript(absolutePath)) return line;
  try {
    // Imported here: the transformer (a native module) is needed in this thread only to trace a throw back.
    const { transformSourceMap } = await import('./transform.js');
    const map = new SourceMap(transformSourceMap(absolutePath, readFileSync(absolutePath, 'utf8')));
    const entry = map.findEntry(line - 1, column - 1) as { originalLine?: number };
    return entry.originalLine === undefined ? undefined : entry.originalLine + 1;
  } catch {
    return undefined;
  }
}
