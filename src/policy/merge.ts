import { codes, findSpecJudgement, ruleOptions } from '../diagnostics/codes.js';
import { pointer, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Policy, SeveritySetting, System, TierPolicy } from '../spec/schema.generated.js';
import { own } from '../util/own.js';
import { splitRuleEntry } from './settings.js';

type RuleEntry = NonNullable<Policy['rules']>[string];

const rank: Record<SeveritySetting | 'note', number> = { off: 0, note: 1, warning: 2, error: 3 };

/** Called when the organisation's floor wins over a looser value the spec wrote at `path` (a pointer into `policy`). */
export type FloorReport = (path: string, message: string) => void;

function mergeTier(org: TierPolicy = {}, spec: TierPolicy = {}, floor: FloorReport, at: string): TierPolicy {
  const merged: TierPolicy = { ...org, ...spec };
  for (const key of ['minReplicas', 'minZones', 'minTopicReplication'] as const) {
    if (org[key] === undefined || spec[key] === undefined) continue;
    merged[key] = Math.max(org[key], spec[key]);
    if (spec[key] < org[key])
      floor(
        `${at}${pointer(key)}`,
        `${key} ${spec[key]} is below the organisation's minimum ${org[key]}, so ${org[key]} applies`,
      );
  }
  for (const key of ['requireCircuitBreaker', 'requireProbes'] as const) {
    if (!org[key]) continue;
    merged[key] = true;
    if (spec[key] === false) floor(`${at}${pointer(key)}`, `${key}: false is ignored: the organisation requires it`);
  }
  return merged;
}

/**
 * One rule's setting under an organisation policy. The floor is the organisation's setting, or, when it does
 * not mention the rule, the rule's default severity and options. A spec severity above the floor wins; one
 * at or below it is dropped, so the floor holds (including a rule's own per-finding errors, e.g. a tier's
 * requireCircuitBreaker). Each spec option is clamped to its floor in the option's `stricter` direction.
 */
function mergeRule(
  id: string,
  org: RuleEntry | undefined,
  spec: RuleEntry | undefined,
  report: FloorReport,
): RuleEntry | undefined {
  const meta = findSpecJudgement(id);
  if (spec === undefined || (org === undefined && meta === undefined)) return spec ?? org; // unknown ids: policy-config
  const o = org === undefined ? undefined : splitRuleEntry(org);
  const s = splitRuleEntry(spec);
  const floor = o?.severity ?? meta!.severity;
  const severity = rank[s.severity] > rank[floor] ? s.severity : o?.severity;
  const at = pointer('rules', id);
  // `note` is not a setting; a rule whose default is a note has no floor to hold.
  if (floor !== 'note' && rank[s.severity] < rank[floor]) {
    report(
      typeof spec === 'string' ? at : `${at}/severity`,
      `'${s.severity}' is ignored: the organisation's floor for '${id}' is '${floor}'`,
    );
  }
  const options = { ...o?.options };
  for (const [name, value] of Object.entries(s.options)) {
    const option = own(ruleOptions(meta), name);
    const bound = own(options, name) ?? option?.default;
    const clamped =
      option && typeof value === 'number' && typeof bound === 'number'
        ? (option.stricter === 'lower' ? Math.min : Math.max)(value, bound)
        : value;
    if (clamped !== value)
      report(
        `${at}${pointer(name)}`,
        `${name} ${String(value)} is looser than the organisation's ${String(bound)}, so ${String(bound)} applies`,
      );
    options[name] = clamped;
  }
  if (Object.keys(options).length > 0) return { severity: severity ?? floor, ...options } as RuleEntry;
  return severity;
}

/**
 * Merges an organisation policy (`--policy hamesh.policy.yaml`) with a spec's own `policy:`. The
 * organisation sets the floor; the spec may tighten it, never loosen it:
 * - tiers: a number the organisation sets is a minimum (the larger wins); a requirement it turns on stays
 *   on; what it leaves out, the spec sets freely over the built-in defaults;
 * - rules: the spec may only make a rule stricter than the organisation's setting or, for a rule the
 *   organisation does not mention, than the rule's defaults: a weaker or equal severity (off < warning < error)
 *   is ignored and each option takes the stricter value. An organisation that turns a rule off or down frees
 *   the spec above that;
 * - suppress: both lists apply, the spec's first — a team may still suppress a finding, but only with a
 *   reason (and an expiry) that review and `expired-suppression` keep honest;
 * - model.replicaAvailability: the lower, more pessimistic, estimate.
 */
export function mergePolicies(org: Policy, spec: Policy = {}, floor: FloorReport = () => {}): Policy {
  const tier = (name: 'critical' | 'standard' | 'best-effort') =>
    mergeTier(org.tiers?.[name], spec.tiers?.[name], floor, pointer('tiers', name));
  const tiers = { critical: tier('critical'), standard: tier('standard'), 'best-effort': tier('best-effort') };
  const ids = [...new Set([...Object.keys(org.rules ?? {}), ...Object.keys(spec.rules ?? {})])].sort();
  const rules = Object.fromEntries(
    ids.flatMap((id) => {
      const entry = mergeRule(id, own(org.rules, id), own(spec.rules, id), floor);
      return entry === undefined ? [] : [[id, entry]];
    }),
  );
  const availability = [org.model?.replicaAvailability, spec.model?.replicaAvailability].filter((p) => p !== undefined);
  return {
    tiers,
    rules,
    suppress: [...(spec.suppress ?? []), ...(org.suppress ?? [])],
    ...(availability.length > 0 && { model: { replicaAvailability: Math.min(...availability) } }),
  };
}

/**
 * The spec under an organisation policy (`file` names it in messages), and a `policy-floor` note (at the spec's
 * value) for every loosening the organisation's floor overrode. The merged `policy.suppress` lists the spec's
 * own entries first, then the organisation's.
 */
export function applyOrgPolicy(
  spec: System,
  org: { file: string; policy: Policy },
): { spec: System; notes: Diagnostic[] } {
  const notes: Diagnostic[] = [];
  const floor: FloorReport = (path, message) =>
    notes.push({
      rule: codes.policyFloor.id,
      severity: codes.policyFloor.severity,
      path: `/policy${path}`,
      message: `${message} (${org.file})`,
    });
  return { spec: { ...spec, policy: mergePolicies(org.policy, spec.policy, floor) }, notes };
}
