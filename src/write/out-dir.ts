import {
  lstatSync,
  type Stats,
  mkdirSync,
  readdirSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { codes } from '../diagnostics/codes.js';
import { pointer, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { OutputFile } from './files.js';
import {
  commitSteps,
  Interrupted,
  interruptedBuild,
  recover,
  runSteps,
  staged,
  stagingPaths,
  STAGING,
  type Journal,
  type Step,
} from './journal.js';
import { LockedError, lockDir } from './lock.js';
import { plan, type Obstacle, type Plan } from './plan.js';
import { indexFile } from '../render/layout.js';

/** The --out folder cannot be written; the message names the path, the reason and what to do. */
export class WriteError extends Error {
  override name = 'WriteError';
}

export { Interrupted } from './journal.js';

const FILE_IN_THE_WAY = 'a file is in the way: move or remove it, or choose another --out folder';
const FOLDER_IN_THE_WAY = 'a folder is in the way: move or remove it, or choose another --out folder';

/** A readable reason for a file-system error, instead of the raw errno text. */
export function reason(error: unknown): string {
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
    case 'EBUSY':
      return 'the file is busy (a mount point, or locked by another program)';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** Why no build may write through or over an obstacle, and what to do about it (the sentence after its path). */
export function obstacleProblem(dir: string, problem: Obstacle['problem']): string {
  if (problem === 'symlink')
    return `is a symbolic link: hamesh never writes through one, so that nothing lands outside ${dir}; replace it with a folder`;
  return problem === 'file' ? `must be a folder, but ${FILE_IN_THE_WAY}` : `must be a file, but ${FOLDER_IN_THE_WAY}`;
}

/** A file hamesh does not own where the build writes (the sentence after its path). */
export const FOREIGN = `is not hamesh's (${indexFile} does not list it): delete or move it, or build with --force to overwrite it`;

/** What is at `path`, or undefined when nothing is (also when a file stands where a parent folder should be). */
function lstatOrNothing(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (error) {
    if (['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) return undefined;
    throw error;
  }
}

/** `dir` as a folder to write into: a dangling symbolic link or a file there is a clear error. */
function checkOutFolder(dir: string): void {
  const stat = lstatOrNothing(dir);
  if (stat?.isSymbolicLink() && !statSync(dir, { throwIfNoEntry: false })) {
    throw new WriteError(
      `cannot write to ${dir}: it is a symbolic link to a folder that does not exist; create that folder or choose another --out folder`,
    );
  }
  if (stat && !statSync(dir).isDirectory()) throw new WriteError(`cannot write to ${dir}: it is a file, not a folder`);
}

/** Creates `folder` and its missing parents one by one, returning them (outermost first) so a failure can undo them. */
function makeFolder(folder: string): string[] {
  const missing: string[] = [];
  let existing = folder;
  for (; !lstatOrNothing(existing); existing = dirname(existing)) missing.unshift(existing);
  if (!statSync(existing).isDirectory()) throw new WriteError(`cannot create folder ${existing}: ${FILE_IN_THE_WAY}`);
  const created: string[] = [];
  for (const path of missing) {
    try {
      mkdirSync(path);
      created.push(path);
    } catch (error) {
      // Another build may have created it meanwhile.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(path).isDirectory()) {
        throw new WriteError(`cannot create folder ${path}: ${reason(error)}`);
      }
    }
  }
  return created;
}

/** Temporary files that hamesh 0.1 wrote beside its outputs (`<file>.hamesh-tmp-<pid>`) and left when it was killed. */
export function legacyTempFiles(dir: string, paths: Iterable<string>): string[] {
  // Each folder's names, or null when it cannot be read. A folder is read only when its parent lists it, so a first
  // build into an empty folder reads one folder rather than trying each of its 10,000 (0.15 s at 10,000 services).
  const listings = new Map<string, Set<string> | null>();
  const list = (folder: string): Set<string> | null => {
    const known = listings.get(folder);
    if (known !== undefined) return known;
    const parent = folder === '.' ? undefined : list(dirname(folder));
    let names: Set<string> | null = null;
    if (parent !== null && (parent === undefined || parent.has(basename(folder)))) {
      try {
        names = new Set(readdirSync(join(dir, folder)));
      } catch {
        // not a folder we can read: nothing of ours is in it
      }
    }
    listings.set(folder, names);
    return names;
  };
  const folders = new Set(['.']);
  for (const path of paths) folders.add(dirname(path));
  const found: string[] = [];
  for (const folder of folders) {
    for (const name of list(folder) ?? []) if (/\.hamesh-tmp-\d+$/.test(name)) found.push(join(folder, name));
  }
  return found.sort();
}

/**
 * What an interrupted build left in `dir`: `output-interrupted` errors for --check, `output-recovered` warnings when
 * cleaned; `legacy` is legacyTempFiles(dir, the build's paths).
 */
export function leftovers(dir: string, legacy: readonly string[], severity: 'error' | 'warning'): Diagnostic[] {
  const found: Diagnostic[] = [];
  const code = severity === 'error' ? codes.outputInterrupted : codes.outputRecovered;
  const base = { rule: code.id, severity, path: pointer() };
  const what = severity === 'error' ? 'run hamesh build --out again to clean it up' : 'cleaned up';
  const interrupted = interruptedBuild(dir);
  if (interrupted) {
    const state = interrupted.committed ? 'had finished writing' : 'was interrupted';
    const action =
      severity === 'error'
        ? interrupted.committed
          ? 'run hamesh build --out again to remove it'
          : 'run hamesh build --out again to roll it back'
        : interrupted.committed
          ? 'removed'
          : 'rolled back';
    found.push({
      ...base,
      file: join(dir, STAGING),
      message: `a build${interrupted.pid ? ` (pid ${interrupted.pid})` : ''} ${state} but left its staging folder: ${action}`,
    });
  }
  for (const path of legacy) {
    found.push({ ...base, file: join(dir, path), message: `is a temporary file of an interrupted build: ${what}` });
  }
  return found;
}

export interface WriteOptions {
  /** Overwrite files hamesh does not own where the build writes (they are then listed as its own). */
  force?: boolean;
  /** How long to wait for another build's lock on the folder. */
  lockTimeoutMs: number;
}

export interface Written extends Plan {
  /** What an interrupted earlier build had left, now cleaned up. */
  recovered: Diagnostic[];
}

/** Records SIGINT/SIGTERM while the folder is being written, instead of dying half-way. */
function catchSignals(): { received: () => NodeJS.Signals | undefined; restore(): void } {
  let received: NodeJS.Signals | undefined;
  const handler = (signal: NodeJS.Signals) => {
    received ??= signal;
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];
  for (const signal of signals) process.on(signal, handler);
  return {
    received: () => received,
    restore: () => {
      for (const signal of signals) process.off(signal, handler);
    },
  };
}

/**
 * Writes the build into `dir`, holding the folder's lock. Every new file is first written into the staging folder
 * (see journal.ts), then a journal lists the switch-over, which puts each file in place with one rename and keeps
 * a link to each file it replaces or removes. Any failure or SIGINT/SIGTERM before the end rolls the switch-over
 * back, so `dir` is the old build or the new one, never a mix; a build killed outright is rolled back by the next
 * run, which also removes what older versions left. Throws WriteError, or Interrupted after rolling back.
 */
export async function writeOutDir(dir: string, files: readonly OutputFile[], options: WriteOptions): Promise<Written> {
  checkOutFolder(dir);
  const created = makeFolder(dir);
  const signals = catchSignals();
  let lock: Awaited<ReturnType<typeof lockDir>> | undefined;
  let done = false;
  try {
    try {
      lock = await lockDir(dir, options.lockTimeoutMs, () => signals.received() !== undefined);
    } catch (error) {
      throw signals.received()
        ? new Interrupted(signals.received()!)
        : error instanceof LockedError
          ? new WriteError(error.message)
          : error;
    }
    const result = await writeLocked(dir, files, options, signals.received);
    done = true;
    return result;
  } finally {
    lock?.release();
    signals.restore();
    if (!done) for (const folder of created.reverse()) rmdirSafe(folder);
  }
}

function rmdirSafe(folder: string): void {
  try {
    rmdirSync(folder);
  } catch {
    // holds something now
  }
}

async function writeLocked(
  dir: string,
  files: readonly OutputFile[],
  options: WriteOptions,
  signal: () => NodeJS.Signals | undefined,
): Promise<Written> {
  const paths = stagingPaths(dir);
  // Read once: listing every output folder is a readdir each (10,000 at 10,000 services).
  const legacy = legacyTempFiles(
    dir,
    files.map((f) => f.path),
  );
  const recovered = leftovers(dir, legacy, 'warning');
  try {
    recover(dir);
    for (const path of legacy) rmSync(join(dir, path), { force: true });
  } catch (error) {
    throw new WriteError(`cannot clean up after an interrupted build in ${dir}: ${reason(error)}`);
  }
  const result = attempt(`cannot read ${dir}`, () => plan(dir, files, options));
  const [obstacle] = result.obstacles;
  if (obstacle)
    throw new WriteError(`${join(dir, obstacle.path)} ${obstacleProblem(dir, obstacle.problem)}; nothing was written`);
  const foreign = result.changes.filter((c) => c.change === 'foreign');
  if (foreign.length > 0 && !options.force) {
    const more =
      foreign.length > 1 ? ` (and ${foreign.length - 1} more such file${foreign.length > 2 ? 's' : ''})` : '';
    throw new WriteError(`${join(dir, foreign[0]!.path)} ${FOREIGN}${more}; nothing was written`);
  }
  const removes = result.changes.filter((c) => c.change === 'removed').map((c) => c.path);
  if (result.writes.length === 0 && removes.length === 0) return { ...result, recovered };

  const journal: Journal = {
    version: 3,
    pid: process.pid,
    folders: result.folders,
    writes: result.writes.map((f) => f.path),
    removes,
  };
  const failed = (path: string, error: unknown) =>
    error instanceof WriteError ? error : new WriteError(`cannot write ${join(dir, path)}: ${reason(error)}`);
  let switching = false;
  try {
    // Staging: nothing in DIR changes yet.
    const layout = staged(journal);
    const staging: Step[] = [{ path: STAGING, run: () => mkdirSync(paths.new(''), { recursive: true }) }];
    journal.folders.forEach((folder, k) => {
      const name = layout.folders[k]?.name;
      if (name !== undefined) staging.push({ path: folder, run: () => mkdirSync(paths.new(name)) });
    });
    result.writes.forEach((file, i) => {
      staging.push({ path: file.path, run: () => writeFileSync(paths.new(layout.names[i]!), file.content) });
    });
    // Written whole, then renamed: a journal is there complete or not at all.
    staging.push({
      path: STAGING,
      run: () => {
        writeFileSync(`${paths.journal}.tmp`, JSON.stringify(journal));
        renameSync(`${paths.journal}.tmp`, paths.journal);
      },
    });
    await runSteps(staging, signal, failed);
    switching = true;
    await runSteps(commitSteps(dir, journal), signal, failed);
  } catch (error) {
    try {
      recover(dir);
    } catch (undo) {
      throw new WriteError(
        `${errorText(error)}; rolling back failed too (${reason(undo)}): the next hamesh build --out ${dir} finishes the rollback`,
      );
    }
    const outcome = switching ? `every change to ${dir} was rolled back` : 'nothing was written';
    if (error instanceof WriteError) throw new WriteError(`${error.message}; ${outcome}`);
    throw error;
  }
  rmSync(paths.root, { recursive: true, force: true });
  return { ...result, recovered };
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

function attempt<T>(what: string, action: () => T): T {
  try {
    return action();
  } catch (error) {
    if (error instanceof WriteError) throw error;
    throw new WriteError(`${what}: ${reason(error)}`);
  }
}
