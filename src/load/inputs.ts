import { statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { readFile, specExtensions } from './load.js';
import { loadError } from './source.js';

/** Folders never searched for specs: dependencies, version control, and hidden folders. */
const skipped = ['**/node_modules/**', '**/.*/**'];
const patterns = specExtensions.map((extension) => `**/*${extension}`);

/** Whether a file found in a folder is a hamesh spec (a folder also holds policies, generated manifests, other YAML). */
function isSpec(file: string): boolean {
  const text = readFile(file);
  return /^\s*["']?apiVersion["']?\s*:\s*["']?hamesh\.dev\//m.test(text) || /\bdefineSystem\s*\(/.test(text);
}

/**
 * The spec files an argument (or a config's `specs` entry) names, relative to `cwd` like the argument: a file as is
 * (even one whose name holds glob characters), a glob (`services/*\/system.yaml`) every spec file it matches, a folder
 * every hamesh spec under it (by its `apiVersion: hamesh.dev/…` or `defineSystem(`). Sorted; one that names nothing
 * is unusable input. The glob library loads only for a glob or a folder: a run on a named file (the usual CI
 * step) does not pay ~10 ms for it.
 */
async function expandSpecInput(input: string, cwd: string): Promise<string[]> {
  const path = isAbsolute(input) ? input : join(cwd, input);
  const stats = statSync(path, { throwIfNoEntry: false });
  if (stats?.isFile()) return [input];
  const { globSync, isDynamicPattern } = await import('tinyglobby');
  const shown = (file: string) => (isAbsolute(input) ? join(cwd, file) : file);
  if (isDynamicPattern(input)) {
    const found = globSync(input, { cwd, onlyFiles: true, ignore: skipped, expandDirectories: false });
    const specs = found
      .filter((file) => specExtensions.some((extension) => file.toLowerCase().endsWith(extension)))
      .sort();
    if (specs.length === 0) throw loadError(input, `the pattern matches no spec file (${specExtensions.join(', ')})`);
    return specs.map(shown);
  }
  if (stats?.isDirectory()) {
    const found = globSync(patterns, { cwd: path, onlyFiles: true, ignore: skipped }).sort();
    const specs = found
      .map((file) => join(input, file))
      .filter((file) => isSpec(isAbsolute(file) ? file : join(cwd, file)));
    if (specs.length === 0)
      throw loadError(
        input,
        'the folder holds no hamesh spec (a file with `apiVersion: hamesh.dev/v1`, or a module calling defineSystem)',
      );
    return specs;
  }
  return [input];
}

/** Every argument expanded (see expandSpecInput), each file once, in the order given. */
export async function expandSpecInputs(inputs: readonly string[], cwd = process.cwd()): Promise<string[]> {
  const expanded = await Promise.all(inputs.map((input) => expandSpecInput(input, cwd)));
  return [...new Set(expanded.flat())];
}

/** A path written relative to `dir` (a config file's folder), as seen from `cwd`. */
export function fromFolder(dir: string, path: string, cwd = process.cwd()): string {
  const absolute = isAbsolute(path) ? path : join(dir, path);
  const seen = relative(cwd, absolute);
  return seen === '' ? '.' : seen;
}
