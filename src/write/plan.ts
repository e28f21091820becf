import { codes } from '../diagnostics/codes.js';
import { existsSync, lstatSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { pointer, type Diagnostic } from '../diagnostics/diagnostic.js';
import { GENERATED_MARKER, isPlainRelativePath, type OutputFile } from './files.js';
import { compareStrings, sortBy } from '../util/order.js';
import { indexFile } from '../render/layout.js';

export interface Change {
  path: string;
  /** `foreign`: a file hamesh does not own is where the build writes; it is refused unless `--force` adopts it. */
  change: 'added' | 'modified' | 'removed' | 'foreign';
}

/** Something on the way that no build may write through or over; each refuses the whole build. */
export interface Obstacle {
  /** Relative to DIR. */
  path: string;
  problem: 'symlink' | 'file' | 'folder';
}

/** What writing `files` to `dir` would do. `removed` holds only files a previous build listed; others are never touched. */
export interface Plan {
  changes: Change[];
  /** The files to write (added, modified, or foreign with `force`), the index last when it changes. */
  writes: OutputFile[];
  /** The folders to create for them, each after its parent. */
  folders: string[];
  obstacles: Obstacle[];
  /** Index entries that were ignored because they do not name a file inside `dir`. */
  warnings: Diagnostic[];
}

/** The index's entries that name a file inside `dir`; any other entry is ignored with a warning (a hand-edited index). */
export function readIndex(dir: string): { entries: string[]; warnings: Diagnostic[] } {
  const file = join(dir, indexFile);
  const entries: string[] = [];
  const warnings: Diagnostic[] = [];
  if (!isRegularFile(file)) return { entries, warnings };
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line === '' || line.startsWith('#')) return;
      const reason = whyIgnored(dir, line);
      if (reason === undefined) entries.push(line);
      else {
        warnings.push({
          rule: codes.outputIndex.id,
          severity: 'warning',
          message: `ignored entry ${JSON.stringify(line)}: it ${reason}, so hamesh does not treat it as its own`,
          path: pointer(),
          file,
          line: i + 1,
        });
      }
    });
  return { entries, warnings };
}

function whyIgnored(dir: string, entry: string): string | undefined {
  if (!isPlainRelativePath(entry)) return 'is not a plain relative path inside the folder';
  if (entry === indexFile) return 'is the index itself';
  if (!staysInside(dir, entry)) return 'leads outside the folder through a symbolic link';
  return undefined;
}

export function indexContent(files: readonly OutputFile[]): string {
  return `# Written by hamesh build: the files below are its output; it removes the ones it no longer writes.\n${files.map((f) => `${f.path}\n`).join('')}`;
}

function isRegularFile(file: string): boolean {
  try {
    return lstatSync(file).isFile();
  } catch {
    return false;
  }
}

/** Whether the existing folders on the way to `dir/path` resolve inside `dir` (no symbolic link leads out). */
function staysInside(dir: string, path: string): boolean {
  let folder = dirname(join(dir, path));
  while (!existsSync(folder)) folder = dirname(folder);
  try {
    const root = realpathSync(dir);
    const real = realpathSync(folder);
    return real === root || real.startsWith(root + sep);
  } catch {
    return false;
  }
}

/**
 * A listed file that is still hamesh's: a regular file and, for YAML, still starting with the marker (a user who
 * removed the marker took the file over).
 */
function stillOwned(target: string, path: string): boolean {
  if (!isRegularFile(target)) return false;
  return !/\.ya?ml$/.test(path) || readFileSync(target, 'utf8').startsWith(GENERATED_MARKER);
}

/** The kind of each folder on the way to the build's files, looked up once per folder. */
function folderKinds(dir: string) {
  const kinds = new Map<string, 'folder' | 'missing' | Obstacle['problem']>();
  const kindOf = (folder: string): 'folder' | 'missing' | Obstacle['problem'] => {
    if (folder === '.') return 'folder';
    let kind = kinds.get(folder);
    if (kind) return kind;
    const parent = kindOf(dirname(folder));
    if (parent !== 'folder') kind = parent === 'missing' ? 'missing' : 'folder';
    else {
      const stat = lstatSync(join(dir, folder), { throwIfNoEntry: false });
      kind = !stat ? 'missing' : stat.isSymbolicLink() ? 'symlink' : stat.isDirectory() ? 'folder' : 'file';
    }
    kinds.set(folder, kind);
    return kind;
  };
  return kindOf;
}

/**
 * Compares the build's files with `dir`: what is new, what differs, which files the last build listed are stale,
 * and what is in the way. A file is hamesh's only when the index lists it and it is still owned (see stillOwned);
 * any other file where the build writes is `foreign` (unless its content is already the build's), and only `force`
 * lets the build overwrite it. No symbolic link to a folder is ever followed: it is an obstacle, like a file where a
 * folder must go, so nothing is written outside `dir`.
 */
export function plan(dir: string, files: readonly OutputFile[], options: { force?: boolean } = {}): Plan {
  const expected = new Set(files.map((f) => f.path));
  const { entries, warnings } = readIndex(dir);
  const listed = new Set(entries);
  const kindOf = folderKinds(dir);
  const changes: Change[] = [];
  const writes: OutputFile[] = [];
  const folders = new Set<string>();
  const obstacles: Obstacle[] = [];
  const index = indexContent(files);
  const reported = new Set<string>();
  for (const file of [...files, { path: indexFile, content: index }]) {
    let blocked = false;
    for (let folder = dirname(file.path); folder !== '.'; folder = dirname(folder)) {
      const kind = kindOf(folder);
      if (kind === 'missing') folders.add(folder);
      else if (kind !== 'folder') {
        // Only the outermost link or file is the obstacle; its own descendants come out as `folder`.
        if (kindOf(dirname(folder)) === 'folder' && !reported.has(folder))
          obstacles.push({ path: folder, problem: kind });
        reported.add(folder);
        blocked = true;
      }
    }
    if (blocked) continue;
    const target = join(dir, file.path);
    // Nothing is in a missing folder (most of a first build's files).
    const stat = kindOf(dirname(file.path)) === 'missing' ? undefined : lstatSync(target, { throwIfNoEntry: false });
    const isIndex = file.path === indexFile;
    if (stat?.isDirectory()) obstacles.push({ path: file.path, problem: 'folder' });
    else if (!stat) {
      if (!isIndex) changes.push({ path: file.path, change: 'added' });
      writes.push(file);
    } else if (!stat.isFile() || readFileSync(target, 'utf8') !== file.content) {
      const owned = isIndex || (listed.has(file.path) && stillOwned(target, file.path));
      if (!isIndex) changes.push({ path: file.path, change: owned ? 'modified' : 'foreign' });
      if (owned || options.force) writes.push(file);
    }
  }
  for (const path of listed) {
    if (!expected.has(path) && stillOwned(join(dir, path), path)) changes.push({ path, change: 'removed' });
  }
  sortBy(changes, (change) => change.path);
  return { changes, writes, folders: [...folders].sort(compareStrings), obstacles, warnings };
}
