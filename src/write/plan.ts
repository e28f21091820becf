import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { GENERATED_MARKER, type OutputFile } from './files.js';

/** Lists, in the --out folder, every file the last build wrote, so the next one can remove those it no longer writes. */
export const INDEX_FILE = '.hamesh-outputs';

export interface Change {
  path: string;
  change: 'added' | 'modified' | 'removed';
}

/** What writing `files` to `dir` would do. `removed` holds only files hamesh wrote; others are never touched. */
export interface Plan {
  changes: Change[];
  /** The files to write (added or modified). */
  writes: OutputFile[];
  /** The new index content. */
  index: string;
}

export function readIndex(dir: string): string[] {
  const file = join(dir, INDEX_FILE);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'));
}

export function indexContent(files: readonly OutputFile[]): string {
  return `# Written by hamesh build: the files below are its output; it removes the ones it no longer writes.\n${files.map((f) => `${f.path}\n`).join('')}`;
}

/** Files under the folders hamesh writes into (top-level files of `dir` itself are not walked into subfolders). */
function filesIn(dir: string, paths: readonly string[]): string[] {
  const found: string[] = [];
  const walk = (relative: string, recursive: boolean) => {
    const absolute = join(dir, relative);
    if (!existsSync(absolute) || !statSync(absolute).isDirectory()) return;
    for (const entry of readdirSync(absolute, { withFileTypes: true })) {
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isFile()) found.push(path);
      else if (entry.isDirectory() && recursive) walk(path, true);
    }
  };
  const folders = new Set(paths.map((path) => (path.includes('/') ? path.split('/')[0]! : '')));
  for (const folder of [...folders].sort()) walk(folder, folder !== '');
  return found;
}

const hasMarker = (file: string) => readFileSync(file, 'utf8').startsWith(GENERATED_MARKER);

/** Compares the build's files with `dir`: what is new, what differs, and which of hamesh's own files are stale. */
export function plan(dir: string, files: readonly OutputFile[]): Plan {
  const expected = new Map(files.map((f) => [f.path, f.content]));
  const indexed = readIndex(dir);
  const changes: Change[] = [];
  const writes: OutputFile[] = [];
  for (const file of files) {
    const target = join(dir, file.path);
    if (!existsSync(target)) {
      changes.push({ path: file.path, change: 'added' });
      writes.push(file);
    } else if (readFileSync(target, 'utf8') !== file.content) {
      changes.push({ path: file.path, change: 'modified' });
      writes.push(file);
    }
  }
  const candidates = new Set([...indexed, ...filesIn(dir, [...expected.keys(), ...indexed])]);
  const owned = new Set(indexed);
  for (const path of [...candidates].sort()) {
    if (expected.has(path) || path === INDEX_FILE) continue;
    const target = join(dir, path);
    if (existsSync(target) && (owned.has(path) || hasMarker(target))) changes.push({ path, change: 'removed' });
  }
  changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { changes, writes, index: indexContent(files) };
}
