import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { NormalizedPolicy } from '../normalize/model.js';
import { codes, findCode, type Stage } from '../diagnostics/codes.js';

/** Where a suppression is written: a pointer into the spec, or a located entry of another file (an organisation policy). */
export type SuppressionSource = Pick<Diagnostic, 'path' | 'file' | 'line' | 'column'>;

const under = (path: string, prefix: string) => prefix === '' || path === prefix || path.startsWith(`${prefix}/`);

/**
 * Drops the findings an active suppression of one of `stage`'s ids matches (same rule, the finding's path, source or
 * subject under the suppression's path). Expired suppressions (today is past `expires`) stop suppressing and are
 * reported; active ones that matched nothing are reported as unused. Suppressions of unknown rules are left to
 * `policy-config`, those of other stages' ids to those stages.
 */
export function applySuppressions<F extends Diagnostic & { subject?: string }>(
  stage: Stage,
  findings: readonly F[],
  suppress: NormalizedPolicy['suppress'],
  today: string,
  source: (index: number) => SuppressionSource,
  sourceOf: (path: string) => string = (path) => path,
): { kept: F[]; reports: Diagnostic[] } {
  const reports: Diagnostic[] = [];
  const active = suppress.flatMap((entry, index) => {
    if (findCode(entry.rule)?.stage !== stage) return [];
    if (entry.expires !== undefined && today > entry.expires) {
      reports.push({
        ...source(index),
        rule: codes.expiredSuppression.id,
        severity: codes.expiredSuppression.severity,
        message: `the suppression of '${entry.rule}' at '${entry.path}' expired on ${entry.expires} (reason: ${entry.reason}), so its findings are reported again`,
      });
      return [];
    }
    return [{ entry, index, used: false }];
  });
  const kept = findings.filter((finding) => {
    // A finding matches at its own path, where that value is written (an environment's override), or the object it
    // is about (a service that inherits the value from `defaults` or a profile).
    const paths = [finding.path, sourceOf(finding.path), ...(finding.subject === undefined ? [] : [finding.subject])];
    const match = active.filter(
      (s) => s.entry.rule === finding.rule && paths.some((path) => under(path, s.entry.path)),
    );
    for (const s of match) s.used = true;
    return match.length === 0;
  });
  for (const { entry, index, used } of active) {
    if (used) continue;
    reports.push({
      ...source(index),
      rule: codes.unusedSuppression.id,
      severity: codes.unusedSuppression.severity,
      message: `the suppression of '${entry.rule}' at '${entry.path || '/'}' matches no finding`,
    });
  }
  return { kept, reports };
}
