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

function mergeRule(id: string, org: RuleEntry | undefined, spec: RuleEntry | undefined): RuleEntry | undefined {
  if (org === undefined || spec === undefined) return spec ?? org;
  const o = splitRuleEntry(org);
  const s = splitRuleEntry(spec);
  const severity = rank[s.severity] >= rank[o.severity] ? s.severity : o.severity;
  const options = { ...o.options };
  for (const [name, value] of Object.entries(s.options)) {
    const option = findRule(id)?.options?.[name];
    const floor = options[name];
    options[name] =
      option && typeof value === 'number' && typeof floor === 'number'
        ? (option.stricter === 'lower' ? Math.min : Math.max)(value, floor)
        : value;
  }
  return Object.keys(options).length > 0 ? ({ severity, ...options } as RuleEntry) : severity;
}

/**
 * Merges an organisation policy (`--policy hamesh.policy.yaml`) with a spec's own `policy:`. The
 * organisation sets the floor; the spec may tighten it, never loosen it:
 * - tiers: a number the organisation sets is a minimum (the larger wins); a requirement it turns on stays
 *   on; what it leaves out, the spec sets freely over the built-in defaults;
 * - rules: the stricter severity wins (off < warning < error), and each option its stricter value;
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
  const rules = Object.fromEntries(ids.map((id) => [id, mergeRule(id, org.rules?.[id], spec.rules?.[id])!]));
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
