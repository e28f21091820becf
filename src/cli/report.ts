import pc from 'picocolors';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

export type Colors = ReturnType<typeof pc.createColors>;

/** Colours only when writing to a terminal, and never with NO_COLOR set. */
export function colorsFor(stream: NodeJS.WriteStream): Colors {
  return pc.createColors(Boolean(stream.isTTY) && !('NO_COLOR' in process.env) && process.env.TERM !== 'dumb');
}

export function location(d: Diagnostic): string {
  return [d.file, d.line, d.column].filter((part) => part !== undefined && part !== '').join(':');
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
      lines.push(c.underline(d.file ?? '(no file)'));
    }
    const where = location(d);
    const severity = d.severity === 'error' ? c.red('error  ') : c.yellow('warning');
    lines.push(`  ${c.dim(where)}  ${severity}  ${d.path ? c.bold(d.path) + ' ' : ''}${d.message}  ${c.dim(d.rule)}`);
  }
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (diagnostics.length > 0) {
    lines.push('');
    const summary = `✖ ${plural(diagnostics.length, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
    lines.push(errors > 0 ? c.red(c.bold(summary)) : c.yellow(c.bold(summary)));
  }
  return lines.join('\n');
}

/** `{"diagnostics":[{rule, severity, message, path, file, line, column}]}`, exactly those fields. */
export function formatJson(diagnostics: readonly Diagnostic[]): string {
  const shaped = diagnostics.map(({ rule, severity, message, path, file, line, column }) => ({
    rule,
    severity,
    message,
    path,
    file: file ?? null,
    line: line ?? null,
    column: column ?? null,
  }));
  return JSON.stringify({ diagnostics: shaped }, null, 2);
}
