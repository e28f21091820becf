import { describe, expect, it } from 'vitest';
import type { Diagnostic, Severity } from '../../src/diagnostics/diagnostic.js';
import { lint, type LintOptions } from '../../src/lint/engine.js';
import { resolveSpec, type TestSpec } from '../helpers/spec.js';

/** Findings of one rule for a spec. */
function findingsOf(rule: string, spec: TestSpec, options: LintOptions = {}): Diagnostic[] {
  return lint(resolveSpec(spec), { today: '2026-06-01', ...options }).filter((d) => d.rule === rule);
}

export interface Expected {
  path: string;
  severity?: Severity;
  /** A substring of the message. */
  message?: string;
  /** The hops of a graph finding, exactly (its SARIF relatedLocations). */
  related?: Array<{ path: string; message: string }>;
}

/**
 * ESLint's RuleTester, for hamesh: every `valid` spec yields no finding of the rule, every `invalid` spec
 * yields exactly the expected findings (in order of path), with the severity (default: the rule's) and message given.
 */
export function ruleTester(
  rule: string,
  cases: {
    valid: Array<{ name: string; spec: TestSpec }>;
    invalid: Array<{ name: string; spec: TestSpec; findings: Expected[] }>;
  },
): void {
  describe(rule, () => {
    it('has an invalid case, so a test proves the rule reports', () => {
      expect(cases.invalid.length).toBeGreaterThan(0);
      for (const { name, findings } of cases.invalid) expect(findings.length, name).toBeGreaterThan(0);
    });
    for (const { name, spec } of cases.valid) {
      it(`valid: ${name}`, () => expect(findingsOf(rule, spec)).toEqual([]));
    }
    for (const { name, spec, findings } of cases.invalid) {
      it(`invalid: ${name}`, () => {
        const actual = findingsOf(rule, spec).sort(
          (a, b) => a.path.localeCompare(b.path) || a.message.localeCompare(b.message),
        );
        expect(actual.map((d) => d.path)).toEqual(findings.map((f) => f.path));
        findings.forEach((expected, i) => {
          if (expected.severity) expect(actual[i]!.severity).toBe(expected.severity);
          if (expected.message) expect(actual[i]!.message).toContain(expected.message);
          if (expected.related) expect(actual[i]!.related).toEqual(expected.related);
        });
      });
    }
  });
}
