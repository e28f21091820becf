import { SourceMap } from 'node:module';
import { transformSync } from 'esbuild';

/** A transformed module: CommonJS code, and how to find a position of it in the original source. */
export interface TransformedModule {
  code: string;
  /** The original 1-based line and column of a 1-based position in `code`, when the source map has one. */
  original(line: number, column: number): { line: number; column: number } | undefined;
}

/**
 * A spec module's source as CommonJS JavaScript, the form jiti evaluates: types stripped by esbuild, nothing
 * type-checked (the editor and `tsc` do that). jiti's own Babel pipeline cost a 1,000-service spec about
 * 1.3 s and 70 MiB more than the same spec in YAML; esbuild takes tens of milliseconds. Kept apart from
 * loading, so that anything that runs spec modules (a worker or child process with a time limit) can call it.
 */
export function transformModule(file: string, source: string): TransformedModule {
  let result: ReturnType<typeof transformSync>;
  try {
    result = transformSync(source, {
      loader: /\.[cm]?ts$/.test(file) ? 'ts' : 'js',
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      sourcefile: file,
      sourcemap: 'external',
    });
  } catch (error) {
    throw TransformError.from(error);
  }
  let map: SourceMap | undefined;
  return {
    code: result.code,
    original(line, column) {
      map ??= new SourceMap(JSON.parse(result.map) as ConstructorParameters<typeof SourceMap>[0]);
      const entry = map.findEntry(line - 1, column - 1) as { originalLine?: number; originalColumn?: number };
      return entry.originalLine === undefined
        ? undefined
        : { line: entry.originalLine + 1, column: entry.originalColumn! + 1 };
    },
  };
}

/** esbuild's refusal of a module (e.g. a top-level `await`, which CommonJS cannot express), with its first message and line. */
export class TransformError extends Error {
  constructor(
    message: string,
    readonly line: number | undefined,
  ) {
    super(message);
  }

  static from(error: unknown): unknown {
    const first = (error as { errors?: Array<{ text?: string; location?: { line?: number } | null }> }).errors?.[0];
    if (typeof first?.text !== 'string') return error;
    const hint = /top-level await/i.test(first.text) ? ' (export a promise instead: `export default load()`)' : '';
    return new TransformError(`${first.text}${hint}`, first.location?.line ?? undefined);
  }
}
