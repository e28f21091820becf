import { codes } from '../diagnostics/codes.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pointer, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { OutputFile } from './files.js';
import { plan } from './plan.js';

/** The first line where two texts differ (1-based) and that line in each. */
function firstDifference(actual: string, expected: string): { line: number; actual: string; expected: string } {
  const a = actual.split('\n');
  const e = expected.split('\n');
  let i = 0;
  while (i < a.length && i < e.length && a[i] === e[i]) i++;
  return { line: i + 1, actual: a[i] ?? '(end of file)', expected: e[i] ?? '(end of file)' };
}

/**
 * `--check`: how `dir` differs from what the build would write, as one `drift` error per file (edited,
 * missing, or stale: listed by the last build and no longer produced), plus the index's ignored entries as
 * warnings. Reads only; no errors when `dir` is up to date.
 */
export function drift(dir: string, files: readonly OutputFile[]): Diagnostic[] {
  const expected = new Map(files.map((f) => [f.path, f.content]));
  const { changes, warnings } = plan(dir, files);
  const drifted = changes.map(({ path, change }): Diagnostic => {
    const file = join(dir, path);
    const base = { rule: codes.drift.id, severity: 'error' as const, path: pointer(), file };
    if (change === 'added') return { ...base, message: 'is missing: the build writes this file' };
    if (change === 'removed') return { ...base, message: 'is a file hamesh wrote that the build no longer produces' };
    const diff = firstDifference(readFileSync(file, 'utf8'), expected.get(path)!);
    return {
      ...base,
      line: diff.line,
      message: `differs from the build at line ${diff.line}: found ${JSON.stringify(diff.actual)}, the build writes ${JSON.stringify(diff.expected)}`,
    };
  });
  return [...drifted, ...warnings];
}
