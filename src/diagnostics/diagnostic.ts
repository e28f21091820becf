import { compareStrings } from '../util/order.js';
import type { DiagnosticCode } from './codes.js';

/**
 * Severity of a finding. `error` fails the run; `warning` fails only past `--max-warnings`; `note` only informs
 * (e.g. an organisation policy floor overriding a spec's loosening) and never changes the exit code.
 */
export type Severity = 'error' | 'warning' | 'note';

/** Another place a finding involves, e.g. one hop of a call path: a pointer into the spec and what it is. */
export interface RelatedLocation {
  path: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

/**
 * The one finding type every stage reports (load, validate, lint, render, verify).
 * `path` is a JSON Pointer (RFC 6901) into the spec; `file`, `line` and `column` (1-based) locate it.
 */
export interface Diagnostic {
  /** The id, from the catalogue in codes.ts. */
  rule: DiagnosticCode;
  severity: Severity;
  message: string;
  path: string;
  file?: string;
  line?: number;
  column?: number;
  /** The environment (`--env`) the finding belongs to; unset for a spec without environments or one common to all. */
  environment?: string;
  /** Every hop of a graph finding (a SPOF path, a retry chain, a cycle), in order. */
  related?: RelatedLocation[];
}

/** Builds a JSON Pointer from path segments, escaping `~` and `/` as RFC 6901 requires. */
export function pointer(...segments: Array<string | number>): string {
  let path = '';
  for (const segment of segments) {
    const text = String(segment);
    // Most segments need no escape; skipping the two replacements made pointer() a tenth of its cost.
    path += /[~/]/.test(text) ? `/${text.replace(/~/g, '~0').replace(/\//g, '~1')}` : `/${text}`;
  }
  return path;
}

/** Splits a JSON Pointer into its unescaped segments. */
export function pointerSegments(path: string): string[] {
  if (path === '') return [];
  return path
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

const severityOrder: Record<Severity, number> = { error: 0, warning: 1, note: 2 };

/** Stable order for output: file, line, column, then severity, rule and message. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    compareStrings(a.file ?? '', b.file ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    severityOrder[a.severity] - severityOrder[b.severity] ||
    compareStrings(a.rule, b.rule) ||
    compareStrings(a.environment ?? '', b.environment ?? '') ||
    compareStrings(a.path, b.path) ||
    compareStrings(a.message, b.message)
  );
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
