/**
 * How long a TS/JS spec may take to load unless `--timeout` says otherwise. Its own module: the command-line options
 * read it, and importing the module loader (src/load/module.ts) would load its worker thread's code on every run.
 */
export const DEFAULT_LOAD_TIMEOUT_MS = 30_000;
