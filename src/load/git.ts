import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { LoadError, loadError, type LoadedSpec } from './source.js';

/** The output of a git command run in `cwd`; a failure is unusable input naming `file` and git's own words. */
function git(cwd: string, args: string[], file: string, options: { input?: Buffer } = {}): Buffer {
  try {
    return execFileSync('git', args, {
      cwd,
      stdio: ['pipe', 'pipe', 'pipe'],
      input: options.input,
      maxBuffer: 1 << 30,
    });
  } catch (error) {
    const { stderr, code } = error as { stderr?: Buffer; code?: string };
    const why =
      code === 'ENOENT' ? 'git is not installed' : (stderr?.toString().trim().split('\n')[0] ?? String(error));
    throw loadError(file, `cannot read it from git (git ${args[0]}): ${why}`);
  }
}

/**
 * Loads `file` as it is at git revision `ref` (`hamesh diff --base main system.yaml`). A YAML/JSON spec is read
 * with `git show`; a TS/JS spec may import its neighbours, so the revision's whole tree is extracted to a
 * temporary folder (with the working tree's node_modules linked in) and loaded from there. Findings name the
 * spec as `REF:path`.
 */
export async function loadSpecAtRevision(
  file: string,
  ref: string,
  options: { timeoutMs?: number } = {},
): Promise<LoadedSpec> {
  const directory = dirname(resolve(file));
  if (!existsSync(directory)) throw loadError(file, 'no such folder');
  const top = git(directory, ['rev-parse', '--show-toplevel'], file).toString().trim();
  const prefix = git(directory, ['rev-parse', '--show-prefix'], file).toString().trim();
  const inRepo = `${prefix}${basename(file)}`;
  const label = `${ref}:${inRepo}`;
  git(top, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], label);
  const extension = extname(file).toLowerCase();
  const { loadSpec } = await import('./load.js');
  if (['.yaml', '.yml', '.json'].includes(extension)) {
    const text = git(top, ['show', `${ref}:${inRepo}`], label).toString('utf8');
    const { loadYamlText } = await import('./yaml.js');
    return loadYamlText(label, text, extension === '.json' ? 'json' : 'yaml');
  }
  const tree = mkdtempSync(join(tmpdir(), 'hamesh-base-'));
  try {
    git(top, ['cat-file', '-e', `${ref}:${inRepo}`], label);
    const archive = git(top, ['archive', '--format=tar', ref], label);
    execFileSync('tar', ['-x', '-C', tree], { input: archive, stdio: ['pipe', 'ignore', 'pipe'] });
    if (existsSync(join(top, 'node_modules')))
      symlinkSync(join(top, 'node_modules'), join(tree, 'node_modules'), 'dir');
    const loaded = await loadSpec(join(tree, inRepo), options);
    return { ...loaded, file: label };
  } catch (error) {
    if (!(error instanceof LoadError)) throw error;
    const { message, file: where } = error.diagnostic;
    throw new LoadError({
      ...error.diagnostic,
      file: where === join(tree, inRepo) ? label : where,
      message: message.split(tree).join(`${ref}:`),
    });
  } finally {
    rmSync(tree, { recursive: true, force: true });
  }
}
