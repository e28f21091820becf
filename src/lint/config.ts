import { pointer, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Policy, SeveritySetting } from '../spec/schema.generated.js';
import { didYouMean } from '../util/suggest.js';
import { policyConfig } from './policy-rules.js';
import { findRule, ruleMetas } from './registry.js';

export interface RuleSetting {
  /** Set when the policy overrides the rule's own severities. */
  severity?: SeveritySetting;
  /** Options with defaults applied. */
  options: Record<string, number>;
}

export interface RuleConfiguration {
  setting(id: string): RuleSetting;
  /** Unknown rules and options, wrongly typed options: `policy-config` findings. */
  diagnostics: Diagnostic[];
}

/** `severity` and options of one `policy.rules` entry. */
export function splitRuleEntry(entry: NonNullable<Policy['rules']>[string]): { severity: SeveritySetting; options: Record<string, unknown> } {
  if (typeof entry === 'string') return { severity: entry, options: {} };
  const { severity, ...options } = entry;
  return { severity, options };
}

/**
 * Reads `policy.rules` and checks it and `policy.suppress` against the rule registry. `base` is the
 * policy's own pointer: `/policy` in a spec, `` in an organisation policy file.
 */
export function configure(policy: Pick<Policy, 'rules' | 'suppress'>, base: string): RuleConfiguration {
  const diagnostics: Diagnostic[] = [];
  const problem = (path: string, message: string) =>
    diagnostics.push({ rule: policyConfig.id, severity: policyConfig.severity, message, path });
  const ids = ruleMetas.map((m) => m.id);
  const settings = new Map<string, RuleSetting>();

  for (const [id, entry] of Object.entries(policy.rules ?? {})) {
    const path = `${base}${pointer('rules', id)}`;
    const meta = findRule(id);
    if (!meta) {
      problem(path, `unknown rule '${id}'${didYouMean(id, ids)}; \`hamesh rules\` lists them`);
      continue;
    }
    const { severity, options } = splitRuleEntry(entry);
    const known = meta.options ?? {};
    const values: Record<string, number> = {};
    for (const [name, value] of Object.entries(options)) {
      if (!(name in known)) {
        const allowed = Object.keys(known);
        problem(`${path}${pointer(name)}`, `'${id}' has no option '${name}'${didYouMean(name, allowed)}${allowed.length ? `; options: ${allowed.join(', ')}` : '; it takes none'}`);
      } else if (typeof value !== 'number') problem(`${path}${pointer(name)}`, `must be a number`);
      else values[name] = value;
    }
    settings.set(id, { severity, options: values });
  }
  (policy.suppress ?? []).forEach((entry, index) => {
    if (!findRule(entry.rule)) problem(`${base}${pointer('suppress', index, 'rule')}`, `unknown rule '${entry.rule}'${didYouMean(entry.rule, ids)}`);
  });

  return {
    diagnostics,
    setting(id) {
      const defaults = Object.fromEntries(Object.entries(findRule(id)?.options ?? {}).map(([name, option]) => [name, option.default]));
      const given = settings.get(id);
      return { ...(given?.severity !== undefined && { severity: given.severity }), options: { ...defaults, ...given?.options } };
    },
  };
}

