import { closeSync, fstatSync, lstatSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** Held in DIR while a build writes it: the owner's pid and host, so a lock left by a killed build can be told apart. */
export const LOCK_FILE = '.hamesh-lock';

export interface LockOwner {
  pid: number;
  host: string;
}

export interface Lock {
  release(): void;
}

function readOwner(file: string): LockOwner | undefined {
  try {
    const [pid, host] = readFileSync(file, 'utf8').split('\n');
    return /^\d+$/.test(pid ?? '') && host ? { pid: Number(pid), host } : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A lock whose owner is gone: same host and no such process, or (written by a process killed before it wrote its
 * pid) unreadable and older than a few seconds. A lock from another host is never taken for stale.
 */
function isStale(file: string): boolean {
  const owner = readOwner(file);
  if (owner) return owner.host === hostname() && !isAlive(owner.pid);
  try {
    return Date.now() - lstatSync(file).mtimeMs > 5000;
  } catch {
    return false;
  }
}

/**
 * Moves a stale lock away, and only that one: another waiter may have broken it and taken a fresh lock meanwhile,
 * so the moved file's inode is compared with the stale one's and a fresh lock is put back.
 */
function breakStaleLock(file: string): void {
  let inode: number;
  try {
    inode = lstatSync(file).ino;
  } catch {
    return;
  }
  const aside = `${file}.stale-${process.pid}`;
  try {
    renameSync(file, aside);
  } catch {
    return;
  }
  if (lstatSync(aside).ino === inode) rmSync(aside, { force: true });
  else renameSync(aside, file); // not ours to break
}

function tryCreate(file: string): Lock | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
    throw error;
  }
  let inode: number;
  try {
    writeSync(fd, `${process.pid}\n${hostname()}\n${new Date().toISOString()}\n`);
    inode = fstatSync(fd).ino;
  } finally {
    closeSync(fd);
  }
  const release = () => {
    process.off('exit', release);
    try {
      if (lstatSync(file).ino === inode) rmSync(file, { force: true });
    } catch {
      // already gone
    }
  };
  // A build that dies on an uncaught error still frees DIR; a SIGKILLed one leaves a stale lock the next build breaks.
  process.on('exit', release);
  return { release };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Takes the exclusive lock on `dir` (which must exist), waiting up to `waitMs` for another build to finish.
 * Throws with the owner named when the lock is still held after that; `stop` ends the wait early (a signal).
 */
export async function lockDir(dir: string, waitMs: number, stop: () => boolean): Promise<Lock> {
  const file = join(dir, LOCK_FILE);
  const deadline = Date.now() + waitMs;
  for (;;) {
    const lock = tryCreate(file);
    if (lock) return lock;
    if (isStale(file)) {
      breakStaleLock(file);
      continue;
    }
    if (Date.now() >= deadline || stop()) throw new LockedError(file, readOwner(file), waitMs);
    await sleep(50);
  }
}

/** Waits, without taking it, until no live build holds the lock on `dir` (for `--check`, which only reads). */
export async function waitUnlocked(dir: string, waitMs: number): Promise<void> {
  const file = join(dir, LOCK_FILE);
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      lstatSync(file);
    } catch {
      return;
    }
    if (isStale(file)) return;
    if (Date.now() >= deadline) throw new LockedError(file, readOwner(file), waitMs);
    await sleep(50);
  }
}

export class LockedError extends Error {
  override name = 'LockedError';
  constructor(file: string, owner: LockOwner | undefined, waitMs: number) {
    const who = owner ? `hamesh (pid ${owner.pid} on ${owner.host})` : 'another hamesh build';
    super(
      `${file}: ${who} is writing this folder and still held it after ${waitMs / 1000}s; wait for it, raise --lock-timeout, or remove the lock file if no build is running`,
    );
  }
}
