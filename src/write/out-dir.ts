import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { OutputFile } from './files.js';
import { INDEX_FILE, plan, type Plan } from './plan.js';

/** The --out folder cannot be written; the message names the path, the reason and what to do. */
export class WriteError extends Error {
  override name = 'WriteError';
}

const FILE_IN_THE_WAY = 'a file is in the way: move or remove it, or choose another --out folder';
const FOLDER_IN_THE_WAY = 'a folder is in the way: move or remove it, or choose another --out folder';

/** A readable reason for a file-system error, instead of the raw errno text. */
function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EEXIST':
    case 'ENOTDIR':
      return FILE_IN_THE_WAY;
    case 'EISDIR':
      return FOLDER_IN_THE_WAY;
    case 'EACCES':
    case 'EPERM':
      return 'permission denied: check the permissions of the folder';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'no space left on the device';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

function attempt<T>(what: string, action: () => T): T {
  try {
    return action();
  } catch (error) {
    if (error instanceof WriteError) throw error;
    throw new WriteError(`${what}: ${reason(error)}`);
  }
}

/** Creates `folder` and its missing parents one by one, recording each in `created` so a failure can undo them. */
function makeFolder(folder: string, created: string[]): void {
  const missing: string[] = [];
  let existing = folder;
  for (; !existsSync(existing); existing = dirname(existing)) missing.unshift(existing);
  if (!statSync(existing).isDirectory()) throw new WriteError(`cannot create folder ${existing}: ${FILE_IN_THE_WAY}`);
  for (const path of missing) {
    attempt(`cannot create folder ${path}`, () => mkdirSync(path));
    created.push(path);
  }
}

/**
 * Writes the build into `dir` all or nothing: every new file is first written beside its destination under a
 * temporary name; only when all of them are on disk are they renamed into place (a rename is atomic), then
 * the stale files the last build listed are removed and the index rewritten. A failure before that removes
 * the temporary files and the folders it created, leaving `dir` as it was. Throws WriteError.
 */
export function writeOutDir(dir: string, files: readonly OutputFile[]): Plan {
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new WriteError(`cannot write to ${dir}: it is a file, not a folder`);
  const result = attempt(`cannot read ${dir}`, () => plan(dir, files));
  const staged: Array<{ temp: string; target: string }> = [];
  const created: string[] = [];
  const suffix = `.hamesh-tmp-${process.pid}`;
  try {
    for (const file of [...result.writes, { path: INDEX_FILE, content: result.index }]) {
      const target = join(dir, file.path);
      makeFolder(dirname(target), created);
      if (existsSync(target) && statSync(target).isDirectory()) throw new WriteError(`cannot write ${target}: ${FOLDER_IN_THE_WAY}`);
      const temp = target + suffix;
      attempt(`cannot write ${target}`, () => writeFileSync(temp, file.content));
      staged.push({ temp, target });
    }
  } catch (error) {
    for (const { temp } of staged) rmSync(temp, { force: true });
    // Deepest first; each holds nothing once the temporary files are gone.
    for (const folder of created.reverse()) rmdirSync(folder);
    throw error instanceof WriteError ? new WriteError(`${error.message}; nothing was written`) : error;
  }
  for (const { temp, target } of staged) attempt(`cannot write ${target}`, () => renameSync(temp, target));
  for (const { path, change } of result.changes) {
    if (change !== 'removed') continue;
    attempt(`cannot remove the stale file ${join(dir, path)}`, () => {
      rmSync(join(dir, path));
      removeEmptyParents(dir, dirname(path));
    });
  }
  return result;
}

/** Removes folders left empty by a removed file, up to (not including) `dir`. */
function removeEmptyParents(dir: string, relative: string): void {
  for (let folder = relative; folder !== '.' && folder !== ''; folder = dirname(folder)) {
    const absolute = join(dir, folder);
    if (readdirSync(absolute).length > 0) return;
    rmdirSync(absolute);
  }
}
