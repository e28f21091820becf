import type { RuleMeta } from './rule.js';

/** Findings the lint engine reports about the policy itself; configured like any rule, but they have no check. */
export const policyConfig: RuleMeta = {
  id: 'policy-config',
  severity: 'error',
  description: 'The policy names a rule or a rule option that does not exist, or gives an option the wrong type.',
  rationale: 'A misspelt rule id or option in `policy.rules` or `policy.suppress` silently configures nothing, so the policy you meant is not the one enforced.',
  fix: 'Use a rule id from `hamesh rules` and an option from `hamesh explain RULE`; the message suggests the closest name.',
};

export const expiredSuppression: RuleMeta = {
  id: 'expired-suppression',
  severity: 'warning',
  description: 'A suppression is past its `expires` date, so it no longer suppresses anything.',
  rationale: 'Suppressions are meant to be temporary. Once expired, the findings they hid are reported again, and the stale entry is reported so it gets renewed deliberately (with a reason) or removed.',
  fix: 'Fix the findings and delete the suppression, or, if the exception is still justified, update its `reason` and push `expires` forward.',
};

export const unusedSuppression: RuleMeta = {
  id: 'unused-suppression',
  severity: 'warning',
  description: 'A suppression matches no finding.',
  rationale: 'Like ESLint\'s --report-unused-disable-directives: a suppression that matches nothing is either fixed (so it can go) or has a wrong rule or path, and would silently hide a future finding.',
  fix: 'Delete the suppression, or correct its `rule` or `path` (a JSON Pointer prefix of the findings to hide).',
};

export const policyFloor: RuleMeta = {
  id: 'policy-floor',
  severity: 'note',
  description: "The organisation policy (`--policy`) overrode a looser value of the spec's own policy.",
  rationale:
    'An organisation policy is a floor: a spec, or one of its environments, may tighten it but not loosen it. When a spec lowers a ' +
    'tier minimum, turns a requirement off or weakens a rule below the floor, the floor wins; this note says so instead of silently ignoring the value.',
  fix: 'Remove the looser value (it has no effect), or ask for the organisation policy to change.',
};

export const policyRules: readonly RuleMeta[] = [expiredSuppression, policyConfig, policyFloor, unusedSuppression];
