import { pointer, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { ResolvedSystem } from '../resolve/resolve.js';
import { ruleSettings } from '../policy/settings.js';
import { rules } from './registry.js';
import { applySuppressions, type SuppressionSource } from './suppress.js';

export interface LintOptions {
  /** The date (YYYY-MM-DD) suppressions expire against; defaults to today (UTC). */
  today?: string;
  /** Where `policy.suppress[index]` is written when it is not the spec's own entry (an organisation policy's, located by the pipeline). */
  suppressionSource?: (index: number) => SuppressionSource | undefined;
  /** Where a value of the (environment-merged) spec is written, so suppressions also match that pointer. */
  sourceOf?: (path: string) => string;
}

/**
 * Runs every enabled rule over the resolved system with the options in `policy.rules`, then applies
 * `policy.suppress`. Returns diagnostics with paths (and, for entries of other files, locations); the
 * caller locates the rest in the spec with locateAll.
 */
export function lint(resolved: ResolvedSystem, options: LintOptions = {}): Diagnostic[] {
  const { system } = resolved;
  const { policy } = system;
  const config = ruleSettings(policy, '/policy');
  const findings: Array<Diagnostic & { subject?: string }> = [];
  for (const rule of rules) {
    const { severity, options: ruleOptions } = config.setting(rule.meta.id);
    if (severity === 'off') continue;
    rule.evaluate({
      resolved,
      system,
      policy,
      options: ruleOptions,
      report: (finding) =>
        findings.push({
          rule: rule.meta.id,
          severity: severity ?? finding.severity ?? rule.meta.severity,
          message: finding.message,
          path: finding.path,
          ...(finding.subject !== undefined && { subject: finding.subject }),
          ...(finding.related !== undefined && { related: finding.related }),
        }),
    });
  }
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const source = (index: number) =>
    options.suppressionSource?.(index) ?? { path: pointer('policy', 'suppress', index) };
  const { kept, reports } = applySuppressions(findings, policy.suppress, today, source, options.sourceOf);
  // The engine's own findings are configured like rules: off, or a severity override.
  const own = [...config.diagnostics, ...reports].flatMap((d) => {
    const { severity } = config.setting(d.rule);
    return severity === 'off' ? [] : [{ ...d, severity: severity ?? d.severity }];
  });
  return [...own, ...kept.map(({ subject: _subject, ...finding }) => finding)];
}
