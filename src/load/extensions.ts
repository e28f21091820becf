import { extname } from 'node:path';

/** Spec files that are code: run by the module loader (module.ts) in a worker thread. */
const moduleExtensions = ['.ts', '.mts', '.cts', '.js', '.mjs'] as const;

export const specExtensions = [...moduleExtensions, '.yaml', '.yml', '.json'] as const;

/** Whether `file` is a spec module (TS/JS), by its extension in any case. */
export const isModuleSpec = (file: string): boolean =>
  (moduleExtensions as readonly string[]).includes(extname(file).toLowerCase());

/** Whether `file` is TypeScript, which transform.ts strips of its types before it runs. */
export const isTypeScript = (file: string): boolean => /\.[cm]?ts$/.test(file);
