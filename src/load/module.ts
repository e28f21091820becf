import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { createJiti } from 'jiti';
import type TypeScript from 'typescript';
import { createTsLocator } from './locate-ts.js';
import { transformModule, type TransformedModule } from './transform.js';
import { loadError, type LoadedSpec, type LoadError } from './source.js';

/** Our own entry point, so `import { defineSystem } from 'hamesh'` works in specs outside this package. */
function hameshEntry(): string {
  const built = fileURLToPath(new URL('../dsl.js', import.meta.url));
  return existsSync(built) ? built : fileURLToPath(new URL('../dsl.ts', import.meta.url));
}

let jiti: ReturnType<typeof createJiti> | undefined;
/** The modules transformed for the spec being loaded, by file: to locate a thrown error in the original source. */
const transformedFiles = new Map<string, TransformedModule>();

/** Loads a `.ts`, `.mts`, `.js` or `.mjs` spec module with jiti (no build step) and takes its default export. */
export async function loadModule(file: string, absolutePath: string): Promise<LoadedSpec> {
  const text = readFileSync(absolutePath, 'utf8');
  transformedFiles.clear();
  jiti ??= createJiti(import.meta.url, {
    alias: { hamesh: hameshEntry() },
    moduleCache: false,
    fsCache: false,
    interopDefault: false,
    transform: ({ source, filename }) => {
      const transformed = transformModule(filename ?? file, source);
      if (filename) transformedFiles.set(filename, transformed);
      return { code: transformed.code };
    },
  });
  let exported: unknown;
  try {
    const module = (await jiti.import(absolutePath)) as { default?: unknown };
    // `export default` of a promise (e.g. a spec assembled from async reads) is awaited.
    exported = await module.default;
  } catch (error) {
    throw syntaxError(file, text) ?? loadError(file, `the spec module threw while loading: ${firstLine(error)}`, throwSite(error, absolutePath));
  }
  if (exported === undefined) {
    throw loadError(file, 'the spec module has no default export: end it with `export default defineSystem({...})`');
  }
  if (!isPlainObject(exported)) {
    const kind = exported === null ? 'null' : Array.isArray(exported) ? 'an array' : `a ${typeof exported}`;
    throw loadError(file, `the default export must be the spec object (\`export default defineSystem({...})\`), but it is ${kind}`);
  }
  return { file, format: 'module', data: toPlainData(file, exported), locate: createTsLocator(file, text) };
}

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0];

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && [Object.prototype, null].includes(Object.getPrototypeOf(value));

/**
 * The first syntax error of a module that failed to load, located exactly by the TypeScript parser (the
 * positions in jiti's errors are those of its transformed code). Loaded only on this failure path.
 */
function syntaxError(file: string, text: string): LoadError | undefined {
  const ts = createRequire(import.meta.url)('typescript') as typeof TypeScript;
  const { diagnostics } = ts.transpileModule(text, { fileName: file, reportDiagnostics: true, compilerOptions: { allowJs: true } });
  const first = diagnostics?.find((d) => d.category === ts.DiagnosticCategory.Error && d.file && d.start !== undefined);
  if (!first) return undefined;
  const { line, character } = first.file!.getLineAndCharacterOfPosition(first.start!);
  const message = ts.flattenDiagnosticMessageText(first.messageText, ' ');
  return loadError(file, `cannot parse the spec module: ${message}`, { line: line + 1, column: character + 1 });
}

/** The spec file's line from a thrown error's stack, when it shows one, mapped back from the transformed code. */
function throwSite(error: unknown, absolutePath: string): { line: number } | undefined {
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  const escaped = absolutePath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}:(\\d+):(\\d+)`).exec(stack);
  if (!match) return undefined;
  const original = transformedFiles.get(absolutePath)?.original(Number(match[1]), Number(match[2]));
  return original ? { line: original.line } : undefined;
}

/** A module may export class instances, functions or undefined fields; the spec is plain JSON data. */
function toPlainData(file: string, value: unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? Number(v) : v)));
  } catch (error) {
    throw loadError(file, `the spec cannot be read as plain data: ${firstLine(error)}`);
  }
}
