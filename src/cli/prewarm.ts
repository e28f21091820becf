import { isModuleSpec } from '../load/extensions.js';

/** The commands that load a spec. */
const specCommands = new Set(['validate', 'build', 'lint', 'diff', 'graph', 'explain']);

/**
 * Starts the worker thread that loads a TS/JS spec (see prewarmSpecWorker) when the command line names such a file
 * for a command that loads a spec: a guess, which costs only the thread's start-up on the other core when wrong.
 * bin/hamesh.js calls it before it imports the CLI's code, so the thread boots while that code loads; a YAML or
 * JSON spec's run loads nothing more than this module.
 */
export async function prewarm(argv: readonly string[]): Promise<void> {
  if (!specCommands.has(argv[2] ?? '') || !argv.slice(3).some((arg) => !arg.startsWith('-') && isModuleSpec(arg)))
    return;
  (await import('../load/spec-worker.js')).prewarmSpecWorker();
}
