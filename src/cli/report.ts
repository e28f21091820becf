import pc from 'picocolors';
import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js';

export type Colors = ReturnType<typeof pc.createColors>;

/** Colours only when writing to a terminal, and never with NO_COLOR set. */
export function colorsFor(stream: NodeJS.WriteStream): Colors {
  return pc.createColors(Boolean(stream.isTTY) && !('NO_COLOR' in process.env) && process.env.TERM !== 'dumb');
}

/** C0 and C1 controls, DEL, and the bidirectional marks and overrides that can reorder or hide terminal text. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const unprintable = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from the input (a key, a value, a file name) made safe for a terminal: every control character is written as
 * an escape (`\x1b`, `\u202e`), so a spec cannot erase a line, fake a result or reorder what is shown.
 */
export function printable(text: string): string {
  return text.replace(unprintable, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

export function location(d: Diagnostic): string {
  return printable([d.file, d.line, d.column].filter((part) => part !== undefined && part !== '').join(':'));
}

/** A severity padded to one width and coloured: red errors, yellow warnings, cyan notes. */
export function severityLabel(severity: Severity, c: Colors): string {
  return severity === 'error' ? c.red('error  ') : severity === 'warning' ? c.yellow('warning') : c.cyan('note   ');
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** Compact listing grouped by file, then a summary line: `✖ 3 problems (2 errors, 1 warning)`. */
export function formatText(diagnostics: readonly Diagnostic[], c: Colors): string {
  const lines: string[] = [];
  let currentFile: string | undefined;
  for (const d of diagnostics) {
    if (d.file !== currentFile) {
      if (currentFile !== undefined) lines.push('');
      currentFile = d.file;
      lines.push(c.underline(printable(d.file ?? '(no file)')));
    }
    const where = location(d);
    const severity = severityLabel(d.severity, c);
    const environment = d.environment ? c.magenta(`[${d.environment}] `) : '';
    lines.push(
      `  ${c.dim(where)}  ${severity}  ${environment}${d.path ? `${c.bold(printable(d.path))} ` : ''}${printable(d.message)}  ${c.dim(d.rule)}`,
    );
  }
  const { errors, warnings, notes } = tally(diagnostics);
  const problems = errors + warnings;
  if (problems > 0) {
    lines.push('');
    const summary = `✖ ${plural(problems, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})${notes > 0 ? `, ${plural(notes, 'note')}` : ''}`;
    lines.push(errors > 0 ? c.red(c.bold(summary)) : c.yellow(c.bold(summary)));
  } else if (notes > 0) {
    lines.push('', c.cyan(`${plural(notes, 'note')}, no problems`));
  }
  return lines.join('\n');
}

/** How many findings of each severity. */
export function tally(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number; notes: number } {
  const count = (severity: Diagnostic['severity']) => diagnostics.filter((d) => d.severity === severity).length;
  return { errors: count('error'), warnings: count('warning'), notes: count('note') };
}

/**
 * `{"diagnostics":[{rule, severity, message, path, file, line, column}]}`, in that order; `environment` and
 * `related` (the hops of a graph finding) follow only on the findings that have them.
 */
export function formatJson(diagnostics: readonly Diagnostic[]): string {
  return JSON.stringify({ diagnostics: diagnostics.map(jsonDiagnostic) }, null, 2);
}

/** One finding in the JSON shape above. */
export function jsonDiagnostic({
  rule,
  severity,
  message,
  path,
  file,
  line,
  column,
  environment,
  related,
}: Diagnostic) {
  return {
    rule,
    severity,
    message,
    path,
    file: file ?? null,
    line: line ?? null,
    column: column ?? null,
    ...(environment !== undefined && { environment }),
    ...(related !== undefined && { related }),
  };
}
