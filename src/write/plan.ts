import { codes } from '../diagnostics/codes.js';
import { existsSync, lstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { pointer, type Diagnostic } from '../diagnostics/diagnostic.js';
import { GENERATED_MARKER, isPlainRelativePath, type OutputFile } from './files.js';
import { sortBy } from '../util/order.js';

/**
 * Lists, in the --out folder, every file the last build wrote. It is the only record of what hamesh owns there:
 * the next build removes the listed files it no longer writes, and nothing else.
 */
export const INDEX_FILE = '.hamesh-outputs';

export interface Change {
  path: string;
  change: 'added' | 'modified' | 'removed';
}

/** What writing `files` to `dir` would do. `removed` holds only files a previous build listed; others are never touched. */
export interface Plan {
  changes: Change[];
  /** The files to write (added or modified). */
  writes: OutputFile[];
  /** The new index content. */
  index: string;
  /** Index entries that were ignored because they do not name a file inside `dir`. */
  warnings: Diagnostic[];
}

/** The index's entries that name a file inside `dir`; any other entry is ignored with a warning (a hand-edited index). */
export function readIndex(dir: string): { entries: string[]; warnings: Diagnostic[] } {
  const file = join(dir, INDEX_FILE);
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
  if (entry === INDEX_FILE) return 'is the index itself';
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

/** Compares the build's files with `dir`: what is new, what differs, and which files the last build listed are stale. */
export function plan(dir: string, files: readonly OutputFile[]): Plan {
  const expected = new Set(files.map((f) => f.path));
  const { entries, warnings } = readIndex(dir);
  const changes: Change[] = [];
  const writes: OutputFile[] = [];
  for (const file of files) {
    const target = join(dir, file.path);
    if (!existsSync(target) || !statSync(target).isFile()) {
      changes.push({ path: file.path, change: 'added' });
      writes.push(file);
    } else if (readFileSync(target, 'utf8') !== file.content) {
      changes.push({ path: file.path, change: 'modified' });
      writes.push(file);
    }
  }
  for (const path of new Set(entries)) {
    if (!expected.has(path) && stillOwned(join(dir, path), path)) changes.push({ path, change: 'removed' });
  }
  sortBy(changes, (change) => change.path);
  return { changes, writes, index: indexContent(files), warnings };
}
