import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { OutputFile } from './files.js';
import { INDEX_FILE, plan, type Plan } from './plan.js';

/**
 * Writes the build into `dir` all or nothing: every new file is first written beside its destination under a
 * temporary name; only when all of them are on disk are they renamed into place (a rename is atomic), then
 * hamesh's stale files are removed and the index rewritten. A failure before that leaves `dir` as it was.
 */
export function writeOutDir(dir: string, files: readonly OutputFile[]): Plan {
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new Error(`${dir} is not a folder`);
  const result = plan(dir, files);
  const staged: Array<{ temp: string; target: string }> = [];
  const suffix = `.hamesh-tmp-${process.pid}`;
  try {
    for (const file of [...result.writes, { path: INDEX_FILE, content: result.index }]) {
      const target = join(dir, file.path);
      mkdirSync(dirname(target), { recursive: true });
      const temp = target + suffix;
      writeFileSync(temp, file.content);
      staged.push({ temp, target });
    }
  } catch (error) {
    for (const { temp } of staged) rmSync(temp, { force: true });
    throw error;
  }
  for (const { temp, target } of staged) renameSync(temp, target);
  for (const { path, change } of result.changes) {
    if (change !== 'removed') continue;
    rmSync(join(dir, path));
    removeEmptyParents(dir, dirname(path));
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
