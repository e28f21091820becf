import { readFileSync, statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { loadError, type LoadedSpec } from './source.js';

export const specExtensions = ['.ts', '.mts', '.cts', '.js', '.mjs', '.yaml', '.yml', '.json'] as const;

/** Reads a spec in any supported format. Throws LoadError (exit code 2) for unusable input. */
export async function loadSpec(file: string): Promise<LoadedSpec> {
  const absolutePath = resolve(file);
  const extension = extname(file).toLowerCase();
  if (!(specExtensions as readonly string[]).includes(extension)) {
    throw loadError(file, `unsupported file type '${extension || '(none)'}': use one of ${specExtensions.join(', ')}`);
  }
  try {
    if (!statSync(absolutePath).isFile()) throw loadError(file, 'not a file');
  } catch (error) {
    if (error instanceof Error && error.name === 'LoadError') throw error;
    throw loadError(file, 'cannot read the file: it does not exist or is not readable');
  }
  if (extension === '.yaml' || extension === '.yml' || extension === '.json') {
    let text: string;
    try {
      text = readFileSync(absolutePath, 'utf8');
    } catch {
      throw loadError(file, 'cannot read the file: permission denied or not a regular file');
    }
    const { loadYamlText } = await import('./yaml.js');
    return loadYamlText(file, text, extension === '.json' ? 'json' : 'yaml');
  }
  // Loaded on demand: jiti and the TypeScript compiler are only needed for module specs.
  const { loadModule } = await import('./module.js');
  return loadModule(file, absolutePath);
}
