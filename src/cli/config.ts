import { existsSync, statSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { compareDiagnostics, hasErrors } from '../diagnostics/diagnostic.js';
import { validateSchema } from '../validate/schema.js';
import { readFile } from '../load/load.js';
import { ConfigError, locateAll, type LoadedSpec } from '../load/source.js';
import { codes } from '../diagnostics/codes.js';

/** The names a config file may have, in the order they are looked for. */
export const configNames = [
  'hamesh.config.ts',
  'hamesh.config.mjs',
  'hamesh.config.json',
  'hamesh.config.yaml',
  'hamesh.config.yml',
] as const;

/** What a hamesh.config file sets (schemas/config.schema.json); paths as written, relative to `dir`. */
export interface Config {
  specs?: string | string[];
  policy?: string;
  targets?: string[];
  out?: string | Record<string, string>;
}

export interface LoadedConfig extends LoadedSpec {
  /** The folder of the config file: its paths are relative to it. */
  dir: string;
  config: Config;
}

/** The config file that applies in `cwd`: the first of configNames in it or the nearest folder above. Two in one folder is ambiguous. */
export function findConfig(cwd: string): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const found = configNames
      .map((name) => join(dir, name))
      .filter((file) => existsSync(file) && statSync(file).isFile());
    if (found.length > 1)
      throw new ConfigError([
        {
          rule: codes.load.id,
          severity: 'error',
          path: '',
          file: found[1],
          message: `two config files in one folder (${found.join(', ')}): keep one`,
        },
      ]);
    if (found.length === 1) return found[0];
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * Reads and checks a config file: YAML/JSON, or a TS/JS module whose default export is the config (run like a spec
 * module). Throws LoadError when it cannot be read or parsed, ConfigError for a wrong shape (located at its line).
 */
export async function loadConfig(file: string): Promise<LoadedConfig> {
  const extension = extname(file).toLowerCase();
  const text = readFile(file, 'config file');
  let loaded: LoadedSpec;
  if (['.yaml', '.yml', '.json'].includes(extension)) {
    const { loadYamlText } = await import('../load/yaml.js');
    loaded = loadYamlText(file, text, extension === '.json' ? 'json' : 'yaml');
  } else {
    const { loadModule } = await import('../load/module.js');
    loaded = await loadModule(file, resolve(file), text);
  }
  const data = loaded.data ?? {};
  // Printed one per line as `file:line:col: error: message`, so the message names the key.
  const diagnostics = locateAll(validateSchema(data, 'config.schema.json'), loaded)
    .map((d) => (d.path ? { ...d, message: `${d.path} ${d.message}` } : d))
    .sort(compareDiagnostics);
  if (hasErrors(diagnostics)) throw new ConfigError(diagnostics);
  return { ...loaded, dir: dirname(resolve(file)), config: data as Config };
}
