import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

/** The worker's compiled file; tests that run the sources use the build's (`npm test` builds first). */
function workerFile(): URL {
  const beside = new URL('./module-worker.js', import.meta.url);
  return existsSync(beside) ? beside : new URL('../../dist/load/module-worker.js', import.meta.url);
}

const start = () => new Worker(workerFile(), { stdout: true, stderr: true });

/** The prewarmed worker, and whether it has already failed or ended (then it is not handed out). */
let warm: { worker: Worker; gone: boolean } | undefined;

/**
 * Starts a spec-loading worker (module-worker.ts) before the command knows its spec: booting the thread and its
 * module hooks (~200 ms) then overlaps loading the command's code. It runs nothing of any spec until
 * specWorker hands it a path, and it keeps no process alive. The CLI calls it for a command line that names a
 * TS/JS file (a guess: a worker no spec needs costs only its start-up, on the machine's other core).
 */
export function prewarmSpecWorker(): void {
  if (warm) return;
  const entry = { worker: start(), gone: false };
  // A failure before a spec needs it is nobody's yet: that spec then gets a fresh worker, whose failure is reported.
  const gone = () => {
    entry.gone = true;
  };
  entry.worker.once('error', gone).once('exit', gone);
  entry.worker.unref();
  warm = entry;
}

/** A worker for one spec: the prewarmed one, the first time there is one and it is still up, else a new one. */
export function specWorker(): Worker {
  const entry = warm;
  warm = undefined;
  const worker = entry && !entry.gone ? entry.worker : start();
  worker.ref();
  return worker;
}
