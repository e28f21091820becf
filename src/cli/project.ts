import { extname, join } from 'node:path';
import type { Command } from 'commander';
import { specExtensions } from '../load/load.js';
import { findConfig, loadConfig, type LoadedConfig } from './config.js';
import { ConfigError, loadError } from '../load/source.js';
import { expandSpecInputs, fromFolder } from '../load/inputs.js';
import { UsageError } from './errors.js';
import { codes } from '../diagnostics/codes.js';

let cached: Promise<LoadedConfig | undefined> | undefined;

/** `--config FILE` (that file), `--no-config` (false: none), or undefined: discovered from the working directory. */
let chosen: string | false | undefined;

/** Applies a command's `--config FILE` / `--no-config` for the rest of the run (see configOptions). */
function chooseConfig(choice: string | boolean | undefined): void {
  chosen = choice === true ? undefined : choice;
  cached = undefined;
}

/**
 * The hamesh.config of this run, loaded once: the file `--config` names, none with `--no-config`, or else the one
 * found from the working directory upward.
 */
export function projectConfig(): Promise<LoadedConfig | undefined> {
  cached ??= (async () => {
    if (chosen === false) return undefined;
    if (chosen !== undefined) {
      if (!(specExtensions as readonly string[]).includes(extname(chosen).toLowerCase()))
        throw loadError(chosen, `--config: a config file is ${specExtensions.join(', ')}`);
      return loadConfig(chosen);
    }
    const file = findConfig(process.cwd());
    return file === undefined ? undefined : loadConfig(fromFolder(process.cwd(), file));
  })();
  return cached;
}

/** `--config FILE` and `--no-config`, on every command that reads hamesh.config (validate, lint, build, diff, graph). */
export function configOptions(command: Command): Command {
  return command
    .option(
      '-c, --config <file>',
      'use this hamesh.config file instead of looking for one from the working directory up',
    )
    .option('--no-config', 'ignore any hamesh.config file: only the command line counts')
    .hook('preAction', (_command, action) => chooseConfig(action.opts().config));
}

/** A config path setting (`policy`, `specs` entries, `out`), as seen from the working directory. */
const fromConfig = (config: LoadedConfig, path: string) => fromFolder(config.dir, path);

/**
 * The spec files a command runs on: its FILE arguments (files, folders, globs), or else the config's `specs`.
 * Neither is a usage error saying how to give one.
 */
export async function specFiles(args: readonly string[]): Promise<string[]> {
  if (args.length > 0) return expandSpecInputs(args);
  const config = await projectConfig();
  const specs = config?.config.specs;
  if (!config || specs === undefined) {
    throw new UsageError(
      `no spec given: name one (a file, folder or glob), or list them as \`specs:\` in a hamesh.config file${config ? ` (${config.file} has none)` : ''}`,
    );
  }
  return expandSpecInputs((Array.isArray(specs) ? specs : [specs]).map((spec) => fromConfig(config, spec)));
}

/** Exactly one spec (build, graph, diff --base): the argument, or the config's only spec. */
export async function oneSpecFile(arg: string | undefined, command: string): Promise<string> {
  const files = await specFiles(arg === undefined ? [] : [arg]);
  if (files.length !== 1)
    throw new UsageError(
      `${command} takes one spec, but ${arg ?? 'the config'} names ${files.length}: ${files.join(', ')}`,
    );
  return files[0]!;
}

/** `--policy`, or the config's `policy`. */
export async function policyFile(flag: string | undefined): Promise<string | undefined> {
  if (flag !== undefined) return flag;
  const config = await projectConfig();
  return config?.config.policy === undefined ? undefined : fromConfig(config, config.config.policy);
}

/** `--target` (comma-separated), or the config's `targets`. */
export async function targetNames(flag: string | undefined): Promise<string[] | undefined> {
  if (flag !== undefined)
    return flag
      .split(',')
      .map((t) => t.trim())
      .filter((t) => t !== '');
  return (await projectConfig())?.config.targets;
}

/**
 * Where `build` writes one environment: `--out DIR` (DIR/<env> when several environments are built), or the
 * config's `out` — one folder (a subfolder per environment when several are built) or a folder per environment name.
 */
export async function outFolder(
  flag: string | undefined,
  environment: string | undefined,
  several: boolean,
): Promise<string | undefined> {
  if (flag !== undefined) return several ? join(flag, environment!) : flag;
  const config = await projectConfig();
  const out = config?.config.out;
  if (config === undefined || out === undefined) return undefined;
  if (typeof out === 'string') return fromConfig(config, several ? join(out, environment!) : out);
  const folder = environment === undefined ? undefined : out[environment];
  if (folder === undefined) {
    throw new ConfigError([
      {
        rule: codes.load.id,
        severity: 'error',
        path: '/out',
        file: config.file,
        ...config.locate('/out'),
        message: `\`out\` names a folder per environment (${Object.keys(out).join(', ')}), but none for ${environment === undefined ? 'a spec without environments' : `'${environment}'`}`,
      },
    ]);
  }
  return fromConfig(config, folder);
}
