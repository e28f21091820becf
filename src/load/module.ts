import { createRequire } from 'node:module';
import type TypeScript from 'typescript';
import { createTsLocator } from './locate-ts.js';
import type { WorkerReply } from './module-worker.js';
import { loadError, type LoadedSpec, type LoadError } from './source.js';
import { specWorker } from './spec-worker.js';
import { DEFAULT_LOAD_TIMEOUT_MS } from './timeout.js';

type Outcome =
  | Exclude<WorkerReply, { kind: 'started' }>
  | { kind: 'crashed'; message: string }
  | { kind: 'ended' }
  | { kind: 'timeout' };

/** Runs the module in a worker thread and waits for its one reply, its end, or the time limit. */
function runInWorker(absolutePath: string, timeoutMs: number): Promise<Outcome> {
  return new Promise((resolve) => {
    const worker = specWorker();
    worker.postMessage({ path: absolutePath });
    // What the spec prints goes to stderr: stdout may carry the YAML stream or a report.
    worker.stdout.pipe(process.stderr, { end: false });
    worker.stderr.pipe(process.stderr, { end: false });
    let settled = false;
    const settle = (outcome: Outcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(outcome);
    };
    let timer: NodeJS.Timeout | undefined;
    worker.on('message', (reply: WorkerReply) => {
      if (reply.kind === 'started') timer = setTimeout(() => settle({ kind: 'timeout' }), timeoutMs);
      else settle(reply);
    });
    worker.once('error', (error) => settle({ kind: 'crashed', message: error.message.split('\n')[0] ?? '' }));
    worker.once('exit', () => settle({ kind: 'ended' }));
  });
}

/**
 * Loads a `.ts`, `.mts`, `.js` or `.mjs` spec: the module is code that runs, so it runs in a worker thread with a
 * time limit, and whatever it does — throw, reject, never settle, exit, loop — ends as a LoadError naming the file.
 */
export async function loadModule(
  file: string,
  absolutePath: string,
  text: string,
  timeoutMs = DEFAULT_LOAD_TIMEOUT_MS,
): Promise<LoadedSpec> {
  const outcome = await runInWorker(absolutePath, timeoutMs);
  switch (outcome.kind) {
    case 'data':
      return { file, format: 'module', data: JSON.parse(outcome.json), locate: createTsLocator(file, text) };
    case 'threw':
      throw (
        syntaxError(file, text) ??
        loadError(
          file,
          `the spec module threw while loading: ${outcome.message}`,
          outcome.line === undefined ? undefined : { line: outcome.line },
        )
      );
    case 'crashed':
      throw loadError(file, `the spec module failed while loading: ${outcome.message}`);
    case 'rejected':
      throw loadError(file, `the spec module left a promise rejection unhandled while loading: ${outcome.message}`);
    case 'exit':
      throw loadError(
        file,
        `the spec module called process.exit(${outcome.code}) while loading: a spec must only export its data`,
      );
    case 'ended':
      throw loadError(
        file,
        'the spec module never finished loading: a top-level await (or the exported promise) never settled',
      );
    case 'timeout':
      throw loadError(
        file,
        `the spec module did not finish loading within ${timeoutMs / 1000}s (a loop that never ends?); raise --timeout if it needs longer`,
      );
    case 'no-default':
      throw loadError(file, 'the spec module has no default export: end it with `export default defineSystem({...})`');
    case 'not-object':
      throw loadError(
        file,
        `the default export must be the spec object (\`export default defineSystem({...})\`), but it is ${outcome.what}`,
      );
    case 'not-data':
      throw loadError(file, `the spec cannot be read as plain data: ${outcome.message}`);
  }
}

/**
 * The first syntax error of a module that failed to load, located exactly by the TypeScript parser (the
 * positions in errors from the transformed code are those of its transformed code). Loaded only on this failure path.
 */
function syntaxError(file: string, text: string): LoadError | undefined {
  const ts = createRequire(import.meta.url)('typescript') as typeof TypeScript;
  const { diagnostics } = ts.transpileModule(text, {
    fileName: file,
    reportDiagnostics: true,
    compilerOptions: { allowJs: true },
  });
  const first = diagnostics?.find((d) => d.category === ts.DiagnosticCategory.Error && d.file && d.start !== undefined);
  if (!first) return undefined;
  const { line, character } = first.file!.getLineAndCharacterOfPosition(first.start!);
  const message = ts.flattenDiagnosticMessageText(first.messageText, ' ');
  return loadError(file, `cannot parse the spec module: ${message}`, { line: line + 1, column: character + 1 });
}
