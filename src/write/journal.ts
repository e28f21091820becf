import {
  copyFileSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The staging folder of a build in progress, inside DIR (a build writes nothing outside DIR):
 * `new/` holds the new files, `old/` hard links to the files they replace or remove, `journal.json` what the
 * switch-over does, and `committed` marks that it is complete. A run that finds this folder (the last one was
 * killed) rolls the switch-over back — or, once `committed` exists, only removes the folder.
 */
export const STAGING = '.hamesh-staging';

/** What the switch-over does, in order: creates `folders`, puts `writes` in place, removes `removes`. */
export interface Journal {
  /** 2: staged files are named by position (see stagedNames); absent in journals of builds before it. */
  version?: 2;
  pid: number;
  folders: string[];
  writes: string[];
  removes: string[];
}

/** Every 256 file operations the writer lets signal handlers run, so SIGINT/SIGTERM can roll back mid-way. */
const YIELD_EVERY = 256;

export class Interrupted extends Error {
  override name = 'Interrupted';
  constructor(readonly signal: NodeJS.Signals) {
    super(`interrupted by ${signal}`);
  }
}

export interface Step {
  /** The file the operation is about (relative to DIR), for the error message. */
  path: string;
  run(): void;
}

/** Runs `steps`, yielding to the event loop now and then; throws Interrupted as soon as `signal()` reports one. */
export async function runSteps(
  steps: Iterable<Step>,
  signal: () => NodeJS.Signals | undefined,
  onError: (path: string, error: unknown) => Error,
): Promise<void> {
  let count = 0;
  for (const step of steps) {
    if (++count % YIELD_EVERY === 0) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    const received = signal();
    if (received) throw new Interrupted(received);
    try {
      step.run();
    } catch (error) {
      throw onError(step.path, error);
    }
  }
}

export const stagingPaths = (dir: string) => {
  const root = join(dir, STAGING);
  return {
    root,
    journal: join(root, 'journal.json'),
    committed: join(root, 'committed'),
    new: (name: string) => join(root, 'new', name),
    old: (name: string) => join(root, 'old', name),
  };
};

/**
 * The names in `new/` and `old/` of the journal's writes, then its removes: their positions, so the staging
 * folder stays flat. Removing the staging folder then removes two folders rather than one per output folder
 * (an empty folder's rmdir took 2.6 ms on this machine's ext4: 26 s of a 10,000-service build). Journals
 * without a version (an older build killed half-way) staged each file under its own path.
 */
export function stagedNames(journal: Journal): string[] {
  const paths = [...journal.writes, ...journal.removes];
  return journal.version === 2 ? paths.map((_, i) => String(i)) : paths;
}

/** Whether anything (a dangling symbolic link too) is at `path`. */
const occupied = (path: string): boolean => lstatSync(path, { throwIfNoEntry: false }) !== undefined;

/** A second name for `from` at `to` (a copy where the file system cannot link, e.g. across a mount point). */
function keep(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  try {
    linkSync(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP') throw error;
    copyFileSync(from, to);
  }
}

/** The switch-over's steps. Each file is replaced by one rename, so a reader sees the old or the new version of it. */
export function commitSteps(dir: string, journal: Journal): Step[] {
  const paths = stagingPaths(dir);
  const names = stagedNames(journal);
  const steps: Step[] = journal.folders.map((folder) => ({ path: folder, run: () => mkdirSync(join(dir, folder)) }));
  // When a step fails half-way (the file was kept but not replaced or removed), the kept link goes again, so a
  // rollback never moves it over a file that is still there.
  const keptThen = (path: string, name: string, change: () => void) => {
    const target = join(dir, path);
    const kept = occupied(target);
    if (kept) keep(target, paths.old(name));
    try {
      change();
    } catch (error) {
      if (kept) rmSync(paths.old(name), { force: true });
      throw error;
    }
  };
  journal.writes.forEach((path, i) => {
    steps.push({ path, run: () => keptThen(path, names[i]!, () => renameSync(paths.new(names[i]!), join(dir, path))) });
  });
  journal.removes.forEach((path, j) => {
    steps.push({
      path,
      run: () => {
        keptThen(path, names[journal.writes.length + j]!, () => rmSync(join(dir, path)));
        removeEmptyParents(dir, dirname(path));
      },
    });
  });
  steps.push({ path: STAGING, run: () => writeFileSync(paths.committed, '') });
  return steps;
}

/** Removes folders left empty by a removed file, up to (not including) `dir`. */
function removeEmptyParents(dir: string, relative: string): void {
  for (let folder = relative; folder !== '.' && folder !== ''; folder = dirname(folder)) {
    const absolute = join(dir, folder);
    if (readdirSync(absolute).length > 0) return;
    rmdirSync(absolute);
  }
}

function readJournal(file: string): Journal | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Journal;
  } catch {
    return undefined;
  }
}

/** Whether `dir` holds what an interrupted build left (see recover). */
export function interruptedBuild(dir: string): { pid?: number; committed: boolean } | undefined {
  const paths = stagingPaths(dir);
  if (!existsSync(paths.root)) return undefined;
  return { pid: readJournal(paths.journal)?.pid, committed: existsSync(paths.committed) };
}

/**
 * Undoes an unfinished switch-over (puts every kept old file back, removes the new files and the folders it
 * created) and removes the staging folder. Idempotent, so a rollback that is itself interrupted is redone by the
 * next run. A committed switch-over is kept: only its staging folder goes.
 */
export function recover(dir: string): void {
  const paths = stagingPaths(dir);
  const journal = existsSync(paths.committed) ? undefined : readJournal(paths.journal);
  if (journal) {
    const names = stagedNames(journal);
    const entries = [...journal.writes, ...journal.removes];
    for (let i = entries.length - 1; i >= 0; i--) {
      const target = join(dir, entries[i]!);
      if (occupied(paths.old(names[i]!))) {
        mkdirSync(dirname(target), { recursive: true });
        renameSync(paths.old(names[i]!), target);
      } else if (i < journal.writes.length && !occupied(paths.new(names[i]!))) {
        rmSync(target, { force: true });
      }
    }
    for (const folder of [...journal.folders].reverse()) {
      try {
        rmdirSync(join(dir, folder));
      } catch {
        // not created yet, or holds something that is not ours
      }
    }
  }
  rmSync(paths.root, { recursive: true, force: true });
}
