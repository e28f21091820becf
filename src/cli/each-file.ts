import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { LoadError } from '../load/source.js';
import { describeError, writeLoadError } from './errors.js';
import { codes } from '../diagnostics/codes.js';

/**
 * Runs `task` on every file, so one run reports every problem it can find: a file that cannot be used
 * (unreadable, unparsable, a module that throws) becomes a `load` diagnostic and the other files still run.
 */
export async function forEachFile(
  files: readonly string[],
  task: (file: string) => Promise<Diagnostic[]>,
): Promise<{ diagnostics: Diagnostic[]; unusable: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const unusable: Diagnostic[] = [];
  for (const file of files) {
    try {
      diagnostics.push(...(await task(file)));
    } catch (error) {
      // Anything else that stops one file (a bug, a stack overflow) is reported at that file, and the others still run.
      unusable.push(
        error instanceof LoadError
          ? error.diagnostic
          : {
              rule: codes.load.id,
              severity: 'error',
              path: '',
              file,
              message: `internal error while checking this file: ${describeError(error)}`,
            },
      );
    }
  }
  return { diagnostics, unusable };
}

/** Text output shows unusable files as one line each on stderr; JSON and SARIF carry them with the rest. */
export function reportUnusable(unusable: readonly Diagnostic[], format: string): Diagnostic[] {
  if (format !== 'text') return [...unusable];
  for (const d of unusable) writeLoadError(d);
  return [];
}
