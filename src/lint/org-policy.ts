import { pointer, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { LoadedPolicy } from '../load/policy.js';
import { locateAll } from '../load/source.js';
import type { Policy, SeveritySetting, System, TierPolicy } from '../spec/schema.generated.js';
import { configure, splitRuleEntry } from './config.js';
import type { LintOptions } from './index.js';
import { findRule } from './registry.js';

type RuleEntry = NonNullable<Policy['rules']>[string];

const rank: Record<SeveritySetting, number> = { off: 0, warning: 1, error: 2 };

function mergeTier(org: TierPolicy = {}, spec: TierPolicy = {}): TierPolicy {
  const merged: TierPolicy = { ...org, ...spec };
  for (const key of ['minReplicas', 'minZones', 'minTopicReplication'] as const) {
    if (org[key] !== undefined && spec[key] !== undefined) merged[key] = Math.max(org[key], spec[key]);
  }
  for (const key of ['requireCircuitBreaker', 'requireProbes'] as const) if (org[key]) merged[key] = true;
  return merged;
}

/**
 * One rule's setting under an organisation policy. The floor is the organisation's setting, or, when it does
 * not mention the rule, the rule's default severity and options. A spec severity above the floor wins; one
 * at or below it is dropped, so the floor holds (including a rule's own per-finding errors, e.g. a tier's
 * requireCircuitBreaker). Each spec option is clamped to its floor in the option's `stricter` direction.
 */
function mergeRule(id: string, org: RuleEntry | undefined, spec: RuleEntry | undefined): RuleEntry | undefined {
  const meta = findRule(id);
  if (spec === undefined || (org === undefined && meta === undefined)) return spec ?? org; // unknown ids: policy-config
  const o = org === undefined ? undefined : splitRuleEntry(org);
  const s = splitRuleEntry(spec);
  const floor = o?.severity ?? meta!.severity;
  const severity = rank[s.severity] > rank[floor] ? s.severity : o?.severity;
  const options = { ...o?.options };
  for (const [name, value] of Object.entries(s.options)) {
    const option = meta?.options?.[name];
    const bound = options[name] ?? option?.default;
    options[name] =
      option && typeof value === 'number' && typeof bound === 'number' ? (option.stricter === 'lower' ? Math.min : Math.max)(value, bound) : value;
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
export function mergePolicies(org: Policy, spec: Policy = {}): Policy {
  const tiers = {
    critical: mergeTier(org.tiers?.critical, spec.tiers?.critical),
    standard: mergeTier(org.tiers?.standard, spec.tiers?.standard),
    'best-effort': mergeTier(org.tiers?.['best-effort'], spec.tiers?.['best-effort']),
  };
  const ids = [...new Set([...Object.keys(org.rules ?? {}), ...Object.keys(spec.rules ?? {})])].sort();
  const rules = Object.fromEntries(ids.flatMap((id) => {
    const entry = mergeRule(id, org.rules?.[id], spec.rules?.[id]);
    return entry === undefined ? [] : [[id, entry]];
  }));
  const availability = [org.model?.replicaAvailability, spec.model?.replicaAvailability].filter((p) => p !== undefined);
  return {
    tiers,
    rules,
    suppress: [...(spec.suppress ?? []), ...(org.suppress ?? [])],
    ...(availability.length > 0 && { model: { replicaAvailability: Math.min(...availability) } }),
  };
}

/** The spec under an organisation policy, and the lint options that locate the policy file's suppressions. */
export function applyOrgPolicy(spec: System, org: LoadedPolicy): { spec: System; options: LintOptions } {
  const own = spec.policy?.suppress?.length ?? 0;
  const suppressionSource = (index: number) => {
    if (index < own) return undefined;
    const path = pointer('suppress', index - own);
    return { path, file: org.file, ...org.locate(path) };
  };
  return { spec: { ...spec, policy: mergePolicies(org.policy, spec.policy) }, options: { suppressionSource } };
}

/** `policy-config` findings of an organisation policy file (unknown rules or options), located in it. */
export function checkOrgPolicy(org: LoadedPolicy): Diagnostic[] {
  return locateAll(configure(org.policy, '').diagnostics, org);
}
