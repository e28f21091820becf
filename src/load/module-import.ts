import { existsSync } from 'node:fs';
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';

/** Our own entry point, so `import { defineSystem } from 'hamesh'` works in specs outside this package. */
function hameshEntry(): string {
  const built = new URL('../dsl.js', import.meta.url);
  return existsSync(built) ? built.href : new URL('../dsl.ts', import.meta.url).href;
}

/**
 * Runs a `.ts`, `.mts`, `.cts`, `.js` or `.mjs` spec module (no build step; types stripped by transform.ts through
 * the hooks of module-hooks.ts) with Node.js's own module loader, and returns its default export, awaited (a spec
 * may export a promise, e.g. one assembled from async reads, or await at its top level). The only place that knows
 * how specs are evaluated; it runs inside the loader's worker (see module-worker.ts), once per worker.
 */
export async function importSpecModule(absolutePath: string): Promise<unknown> {
  register('./module-hooks.js', import.meta.url, { data: { hamesh: hameshEntry() } });
  // Stack traces then name the original line and column of a TypeScript spec (transform.ts maps them inline).
  process.setSourceMapsEnabled(true);
  const module = (await import(pathToFileURL(absolutePath).href)) as { default?: unknown };
  return await module.default;
}

/** The spec file's line from a thrown error's stack, when it shows one (at the original source's positions). */
export function thrownAt(error: unknown, absolutePath: string): number | undefined {
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  const places = [absolutePath, pathToFileURL(absolutePath).href].map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const match = new RegExp(`(?:${places.join('|')}):(\\d+):\\d+`).exec(stack);
  return match ? Number(match[1]) : undefined;
}
