import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createJiti } from 'jiti';
import { TransformError, transformModule, type TransformedModule } from './transform.js';

/** Our own entry point, so `import { defineSystem } from 'hamesh'` works in specs outside this package. */
function hameshEntry(): string {
  const built = fileURLToPath(new URL('../dsl.js', import.meta.url));
  return existsSync(built) ? built : fileURLToPath(new URL('../dsl.ts', import.meta.url));
}

/** The modules transformed for the spec being loaded, by file: to locate a thrown error in the original source. */
const transformedFiles = new Map<string, TransformedModule>();

/**
 * Runs a `.ts`, `.mts`, `.js` or `.mjs` spec module (no build step; types stripped by transform.ts) and returns its
 * default export, awaited (a spec may export a promise, e.g. one assembled from async reads). The only place that
 * knows how specs are evaluated; it runs inside the loader's worker (see module-worker.ts).
 */
export async function importSpecModule(absolutePath: string): Promise<unknown> {
  const jiti = createJiti(import.meta.url, {
    alias: { hamesh: hameshEntry() },
    moduleCache: false,
    fsCache: false,
    interopDefault: false,
    transform: ({ source, filename }) => {
      const transformed = transformModule(filename ?? absolutePath, source);
      if (filename) transformedFiles.set(filename, transformed);
      return { code: transformed.code };
    },
  });
  const module = (await jiti.import(absolutePath)) as { default?: unknown };
  return await module.default;
}

/** The spec file's line from a thrown error's stack, when it shows one, mapped back from the transformed code. */
export function thrownAt(error: unknown, absolutePath: string): number | undefined {
  if (error instanceof TransformError) return error.line;
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  const escaped = absolutePath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}:(\\d+):(\\d+)`).exec(stack);
  if (!match) return undefined;
  return transformedFiles.get(absolutePath)?.original(Number(match[1]), Number(match[2]))?.line;
}
