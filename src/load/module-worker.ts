import { once } from 'node:events';
import { parentPort } from 'node:worker_threads';
import { importSpecModule, registerHooks, thrownAt } from './module-import.js';

/**
 * The worker thread that runs a TS/JS spec module, so that what the module does cannot take the CLI down with it:
 * it boots, waits for the spec's path (`{ path }`, see spec-worker.ts), posts exactly one message, the default
 * export as JSON text or why there is none, and module.ts keeps the time limit. Unhandled rejections and
 * `process.exit` are reported as such instead of ending the run.
 */
export type WorkerReply =
  | { kind: 'started' }
  | { kind: 'data'; json: string }
  | { kind: 'no-default' }
  | { kind: 'not-object'; what: string }
  | { kind: 'not-data'; message: string }
  | { kind: 'threw'; message: string; line?: number }
  | { kind: 'rejected'; message: string }
  | { kind: 'exit'; code: number };

let replied = false;
const reply = (message: WorkerReply) => {
  if (replied) return;
  replied = true;
  parentPort!.postMessage(message);
};

const describe = (error: unknown): string => {
  if (error instanceof Error) return error.message.split('\n')[0] ?? '';
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
};

/** What a value is, in words: `null`, `an array`, `a string`, `an instance of Date`. */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return `an instance of ${(value as object).constructor?.name || 'a class'}`;
  return `${/^[aeiou]/.test(typeof value) ? 'an' : 'a'} ${typeof value}`;
}

process.on('unhandledRejection', (reason) => reply({ kind: 'rejected', message: describe(reason) }));
const exit = process.exit.bind(process);
process.exit = ((code?: number | string | null) => {
  reply({ kind: 'exit', code: Number(code ?? process.exitCode ?? 0) });
  return exit(code ?? undefined);
}) as typeof process.exit;

registerHooks();
const [{ path }] = (await once(parentPort!, 'message')) as [{ path: string }];
// The time limit starts now: booting the thread and the transformer is not the spec's time.
parentPort!.postMessage({ kind: 'started' } satisfies WorkerReply);
try {
  const exported = await importSpecModule(path);
  // A rejection the module left unhandled surfaces after the current macrotask.
  await new Promise((resolve) => setImmediate(resolve));
  if (exported === undefined) reply({ kind: 'no-default' });
  else if (
    typeof exported !== 'object' ||
    exported === null ||
    ![Object.prototype, null].includes(Object.getPrototypeOf(exported))
  ) {
    reply({ kind: 'not-object', what: kindOf(exported) });
  } else {
    try {
      // A module may export class instances, functions or undefined fields inside; the spec is plain JSON data.
      reply({
        kind: 'data',
        json: JSON.stringify(exported, (_key, v: unknown) => (typeof v === 'bigint' ? Number(v) : v)),
      });
    } catch (error) {
      reply({ kind: 'not-data', message: describe(error) });
    }
  }
} catch (error) {
  reply({ kind: 'threw', message: describe(error), line: await thrownAt(error, path) });
}
