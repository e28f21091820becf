import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { ConfigError, LoadError } from '../load/source.js';
import { location, printable } from './report.js';

/** Exit codes: 0 clean, 1 findings, 2 unusable input or usage error. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/** An unusable input as one line on stderr: `file:line:col: error: message`. */
export function writeLoadError(d: Diagnostic): void {
  process.stderr.write(`${location(d)}: error: ${printable(d.message)}\n`);
}

/** An unexpected error's first line; a thrown non-Error as JSON where it can be, never `[object Object]`. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0] ?? '';
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}

/** A usage or input problem the user must fix; printed as one line, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * Wraps a command so that no stack trace ever reaches the user: input problems print one located line,
 * anything unexpected prints one line too (set HAMESH_DEBUG=1 for the stack).
 */
export function runCommand<A extends unknown[]>(
  action: (...args: A) => Promise<number>,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      process.exitCode = await action(...args);
    } catch (error) {
      process.exitCode = EXIT.usage;
      if (error instanceof LoadError) {
        writeLoadError(error.diagnostic);
      } else if (error instanceof ConfigError) {
        for (const d of error.diagnostics) writeLoadError(d);
      } else if (error instanceof UsageError) {
        process.stderr.write(`hamesh: ${printable(error.message)}\n`);
      } else {
        process.stderr.write(`hamesh: internal error: ${printable(describeError(error))}\n`);
        if (process.env.HAMESH_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
      }
    }
  };
}
