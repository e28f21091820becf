import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

/** The worker's compiled file; tests that run the sources use the build's (`npm test` builds first). */
function workerFile(): URL {
  const beside = new URL('./module-worker.js', import.meta.url);
  return existsSync(beside) ? beside : new URL('../../dist/load/module-worker.js', import.meta.url);
}

const start = () => new Worker(workerFile(), { stdout: true, stderr: true });

let warm: Worker | undefined;

/**
 * Starts a spec-loading worker (module-worker.ts) before the command knows its spec: booting the thread and its
 * module hooks (~200 ms) then overlaps loading the command's code. It runs nothing of any spec until
 * specWorker hands it a path, and it keeps no process alive. The CLI calls it for a command line that names a
 * TS/JS file (a guess: a worker no spec needs costs only its start-up, on the machine's other core).
 */
export function prewarmSpecWorker(): void {
  warm ??= start();
  warm.unref();
}

/** A worker for one spec: the prewarmed one, the first time there is one, else a new one. */
export function specWorker(): Worker {
  const worker = warm ?? start();
  warm = undefined;
  worker.ref();
  return worker;
}
