import { extname } from 'node:path';

/** TypeScript files: stripped of their types (transform.ts) before they run. */
const typescriptExtensions = ['.ts', '.mts', '.cts'] as const;
/** Spec files that are code: run by the module loader (module.ts) in a worker thread. */
const moduleExtensions = [...typescriptExtensions, '.js', '.mjs'] as const;

export const specExtensions = [...moduleExtensions, '.yaml', '.yml', '.json'] as const;

const hasExtension = (file: string, extensions: readonly string[]) => extensions.includes(extname(file).toLowerCase());

/** Whether `file` is a spec module (TS/JS), by its extension in any case. */
export const isModuleSpec = (file: string): boolean => hasExtension(file, moduleExtensions);

/** Whether `file` is TypeScript, which transform.ts strips of its types before it runs, by its extension in any case. */
export const isTypeScript = (file: string): boolean => hasExtension(file, typescriptExtensions);
