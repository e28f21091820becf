import { codes } from '../diagnostics/codes.js';
import { lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pointer, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { OutputFile } from './files.js';
import { FOREIGN, legacyTempFiles, leftovers, obstacleProblem } from './out-dir.js';
import { plan } from './plan.js';

/** The first line where two texts differ (1-based) and that line in each. */
function firstDifference(actual: string, expected: string): { line: number; actual: string; expected: string } {
  const a = actual.split('\n');
  const e = expected.split('\n');
  let i = 0;
  while (i < a.length && i < e.length && a[i] === e[i]) i++;
  return { line: i + 1, actual: a[i] ?? '(end of file)', expected: e[i] ?? '(end of file)' };
}

/** A file's text, or '' for something that is not a readable regular file (a symbolic link, say). */
function readText(file: string): string {
  try {
    return lstatSync(file).isFile() ? readFileSync(file, 'utf8') : '';
  } catch {
    return '';
  }
}

/**
 * `--check`: how `dir` differs from what the build would write, as one `drift` error per file (edited,
 * missing, stale: listed by the last build and no longer produced, or not hamesh's where the build writes), one
 * per obstacle a build would refuse, the leftovers of an interrupted build, and the index's ignored entries as
 * warnings. Reads only; no errors when `dir` is up to date.
 */
export function drift(dir: string, files: readonly OutputFile[], options: { force?: boolean } = {}): Diagnostic[] {
  const expected = new Map(files.map((f) => [f.path, f]));
  const { changes, obstacles, warnings } = plan(dir, files, options);
  const base = { rule: codes.drift.id, severity: 'error' as const, path: pointer() };
  const blocked = obstacles.map(
    (o): Diagnostic => ({ ...base, file: join(dir, o.path), message: obstacleProblem(dir, o.problem) }),
  );
  const drifted = changes.map(({ path, change }): Diagnostic => {
    const file = join(dir, path);
    if (change === 'foreign' && !options.force) return { ...base, file, message: FOREIGN };
    if (change === 'added') return { ...base, file, message: 'is missing: the build writes this file' };
    if (change === 'removed')
      return { ...base, file, message: 'is a file hamesh wrote that the build no longer produces' };
    const diff = firstDifference(readText(file), expected.get(path)!.content);
    return {
      ...base,
      file,
      line: diff.line,
      message: `differs from the build at line ${diff.line}: found ${JSON.stringify(diff.actual)}, the build writes ${JSON.stringify(diff.expected)}`,
    };
  });
  return [...drifted, ...blocked, ...leftovers(dir, legacyTempFiles(dir, expected.keys()), 'error'), ...warnings];
}
