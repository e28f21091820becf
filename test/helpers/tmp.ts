import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, onTestFinished, TestRunner } from 'vitest';

export interface TempDir {
  dir: string;
  /** Writes `text` to `name` inside the folder and returns the file's path. */
  write(name: string, text: string): string;
}

/**
 * The one temporary-folder helper: a fresh folder, removed when the calling test finishes — or, when called
 * outside a test (at the top of a file), after the file's tests.
 */
export function tempDir(): TempDir {
  const dir = mkdtempSync(join(tmpdir(), 'hamesh-test-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  if (TestRunner.getCurrentTest()) onTestFinished(remove);
  else afterAll(remove);
  return {
    dir,
    write(name, text) {
      const file = join(dir, name);
      writeFileSync(file, text);
      return file;
    },
  };
}
