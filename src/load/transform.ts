import { transformSync } from 'oxc-transform';
import type { SourceMapPayload } from 'node:module';

/**
 * A TypeScript spec module's source as JavaScript: types stripped by oxc (in-process, native), nothing type-checked
 * (the editor and `tsc` do that). Measured on a 1,000-service spec (640 KB) on a loaded 2-core machine: jiti's Babel
 * pipeline cost about 1.3 s and 70 MiB more than the same spec in YAML; esbuild's transformSync, which inside a
 * worker thread starts the esbuild binary for every call, 0.3–0.45 s of CPU and 1–2 s of wall time; oxc 40–100 ms.
 * Kept apart from loading, so that anything that runs spec modules can call it.
 */
export function transformModule(file: string, source: string): string {
  return transform(file, source, false).code;
}

/**
 * The source map of transformModule's output, made again only when a position in that output must be traced back
 * (a spec that threw): an inline map made and read on every load cost ~40 ms of a 1,000-service spec's load.
 */
export function transformSourceMap(file: string, source: string): SourceMapPayload {
  return transform(file, source, true).map as SourceMapPayload;
}

function transform(file: string, source: string, sourcemap: boolean) {
  // Only TypeScript comes here (extensions.ts), whatever the case of its extension, which oxc would read the language from.
  const result = transformSync(file, source, { sourcemap, lang: 'ts' });
  const error = result.errors.find((e) => e.severity === 'Error');
  // The message only: the loader locates a syntax error in the spec itself with the TypeScript parser.
  if (error) throw new SyntaxError(error.message);
  return result;
}
