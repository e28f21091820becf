import { findSpecJudgement, type Stage } from '../diagnostics/codes.js';
import { pointer, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { NormalizedPolicy } from '../normalize/model.js';
import type { ResolvedSystem } from '../resolve/resolve.js';
import { type RuleSettings, ruleSettings } from '../policy/settings.js';
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
  const { kept, reports } = suppressed('lint', findings, policy, options);
  // The engine's own findings are configured like rules: off, or a severity override.
  return [
    ...configured([...config.diagnostics, ...reports], config),
    ...kept.map(({ subject: _, ...finding }) => finding),
  ];
}

/**
 * The findings of a stage after lint (render's, write's) judged as lint's are: each warning or note takes the
 * severity `policy.rules` gives its id or is turned off, then the `policy.suppress` entries of that stage's ids hide
 * what they match (and are reported when expired or unused). Errors pass unchanged: the output cannot be made.
 */
export function judge(
  findings: readonly Diagnostic[],
  stage: Stage,
  policy: NormalizedPolicy,
  options: LintOptions = {},
): Diagnostic[] {
  const config = ruleSettings(policy, '/policy');
  const isJudgement = (d: Diagnostic) => findSpecJudgement(d.rule) !== undefined;
  const { kept, reports } = suppressed(stage, configured(findings.filter(isJudgement), config), policy, options);
  return [...findings.filter((d) => !isJudgement(d)), ...configured(reports, config), ...kept];
}

function suppressed<F extends Diagnostic>(stage: Stage, findings: F[], policy: NormalizedPolicy, options: LintOptions) {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const source = (index: number) =>
    options.suppressionSource?.(index) ?? { path: pointer('policy', 'suppress', index) };
  return applySuppressions(stage, findings, policy.suppress, today, source, options.sourceOf);
}

/** The diagnostics with the severity `policy.rules` gives their id, without those it turns off. */
function configured<F extends Diagnostic>(diagnostics: readonly F[], config: RuleSettings): F[] {
  return diagnostics.flatMap((d) => {
    const { severity } = config.setting(d.rule);
    return severity === 'off' ? [] : [{ ...d, severity: severity ?? d.severity }];
  });
}
