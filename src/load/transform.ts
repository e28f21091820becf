import { transformSync } from 'oxc-transform';

/**
 * A TypeScript spec module's source as JavaScript, with its source map inline so that Node.js reports thrown errors
 * at their place in the original source: types stripped by oxc (in-process, native), nothing type-checked (the
 * editor and `tsc` do that). Measured on a 1,000-service spec (640 KB) on a loaded 2-core machine: jiti's Babel
 * pipeline cost about 1.3 s and 70 MiB more than the same spec in YAML; esbuild's transformSync, which inside a
 * worker thread starts the esbuild binary for every call, 0.3–0.45 s of CPU and 1–2 s of wall time; oxc 40–100 ms.
 * Kept apart from loading, so that anything that runs spec modules can call it.
 */
export function transformModule(file: string, source: string): string {
  const result = transformSync(file, source, { sourcemap: true });
  const error = result.errors.find((e) => e.severity === 'Error');
  // The message only: the loader locates a syntax error in the spec itself with the TypeScript parser.
  if (error) throw new SyntaxError(error.message);
  const map = Buffer.from(JSON.stringify(result.map)).toString('base64');
  return `${result.code}\n//# sourceMappingURL=data:application/json;base64,${map}\n`;
}
