import { extname, resolve } from 'node:path';
import { readInput, UnreadableInput } from '../util/read-input.js';
import { readFileSources } from './files.js';
import { loadError, type LoadedSpec } from './source.js';
import { isModuleSpec, specExtensions } from './extensions.js';

export { specExtensions } from './extensions.js';

/** An input's text, or a LoadError naming it (exit code 2). */
export function readFile(file: string, what = 'file'): string {
  try {
    return readInput(file);
  } catch (error) {
    throw error instanceof UnreadableInput ? loadError(file, error.message.replace('the file', `the ${what}`)) : error;
  }
}

/** Reads a spec in any supported format. Throws LoadError (exit code 2) for unusable input. */
export async function loadSpec(file: string, options: { timeoutMs?: number } = {}): Promise<LoadedSpec> {
  const absolutePath = resolve(file);
  const extension = extname(file).toLowerCase();
  if (!(specExtensions as readonly string[]).includes(extension)) {
    throw loadError(file, `unsupported file type '${extension || '(none)'}': use one of ${specExtensions.join(', ')}`);
  }
  const text = readFile(file);
  const loaded = !isModuleSpec(file)
    ? (await import('./yaml.js')).loadYamlText(file, text, extension === '.json' ? 'json' : 'yaml')
    : // Loaded on demand: the worker and the TypeScript compiler are only needed for module specs.
      await (await import('./module.js')).loadModule(file, absolutePath, text, options.timeoutMs);
  return { ...loaded, fileSources: readFileSources(file, loaded.data) };
}
