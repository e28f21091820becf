import { pointer, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Policy, SeveritySetting } from '../spec/schema.generated.js';
import { didYouMean } from '../util/suggest.js';
import { allCodes, codes, findCode, isConfigurable, ruleOptions, whyNotConfigurable } from '../diagnostics/codes.js';

export interface RuleSetting {
  /** Set when the policy overrides the rule's own severities. */
  severity?: SeveritySetting;
  /** Options with defaults applied. */
  options: Record<string, number>;
}

export interface RuleSettings {
  setting(id: string): RuleSetting;
  /** Unknown rules and options, wrongly typed options: `policy-config` findings. */
  diagnostics: Diagnostic[];
}

/** `severity` and options of one `policy.rules` entry. */
export function splitRuleEntry(entry: NonNullable<Policy['rules']>[string]): {
  severity: SeveritySetting;
  options: Record<string, unknown>;
} {
  if (typeof entry === 'string') return { severity: entry, options: {} };
  const { severity, ...options } = entry;
  return { severity, options };
}

/**
 * Reads `policy.rules`, and checks it and `policy.suppress` against the catalogue: only lint ids are
 * judgements a policy may configure or suppress. `base` is the policy's own pointer: `/policy` in a spec, ``
 * in an organisation policy file.
 */
export function ruleSettings(policy: Pick<Policy, 'rules' | 'suppress'>, base: string): RuleSettings {
  const diagnostics: Diagnostic[] = [];
  const problem = (path: string, message: string) =>
    diagnostics.push({ rule: codes.policyConfig.id, severity: codes.policyConfig.severity, message, path });
  const ids = allCodes.map((code) => code.id);
  /** Why an id cannot be configured or suppressed: unknown, or an error that means the spec cannot be built. */
  const refusal = (id: string): string | undefined => {
    const code = findCode(id);
    if (!code) return `unknown rule '${id}'${didYouMean(id, ids)}; \`hamesh rules\` lists them`;
    if (!isConfigurable(code)) return whyNotConfigurable(code);
    return undefined;
  };
  /** `hamesh diff` rules compare two versions: there is no finding in one spec for a suppression to match. */
  const unsuppressible = (id: string) =>
    findCode(id)?.stage === 'diff'
      ? `'${id}' is a \`hamesh diff\` rule: configure it in policy.rules (a severity or off); there is nothing to suppress`
      : undefined;
  const settings = new Map<string, RuleSetting>();

  for (const [id, entry] of Object.entries(policy.rules ?? {})) {
    const path = `${base}${pointer('rules', id)}`;
    const { severity, options } = splitRuleEntry(entry);
    const code = findCode(id);
    // Lint rules and `hamesh diff` rules (a severity, no options) are configurable.
    const meta = code && isConfigurable(code) ? code : undefined;
    if (!meta) {
      // Setting an id that is not a judgement to its own severity restates what always holds; anything else is refused.
      if (!(code?.severity === severity && Object.keys(options).length === 0)) problem(path, refusal(id)!);
      continue;
    }
    const known = ruleOptions(meta);
    const values: Record<string, number> = {};
    for (const [name, value] of Object.entries(options)) {
      if (!Object.hasOwn(known, name)) {
        const allowed = Object.keys(known);
        problem(
          `${path}${pointer(name)}`,
          `'${id}' has no option '${name}'${didYouMean(name, allowed)}${allowed.length ? `; options: ${allowed.join(', ')}` : '; it takes none'}`,
        );
      } else if (typeof value !== 'number') problem(`${path}${pointer(name)}`, `must be a number`);
      else values[name] = value;
    }
    settings.set(id, { severity, options: values });
  }
  (policy.suppress ?? []).forEach((entry, index) => {
    const refused = refusal(entry.rule) ?? unsuppressible(entry.rule);
    if (refused) problem(`${base}${pointer('suppress', index, 'rule')}`, refused);
  });

  return {
    diagnostics,
    setting(id) {
      const defaults = Object.fromEntries(
        Object.entries(ruleOptions(findCode(id))).map(([name, option]) => [name, option.default]),
      );
      const given = settings.get(id);
      return {
        ...(given?.severity !== undefined && { severity: given.severity }),
        options: { ...defaults, ...given?.options },
      };
    },
  };
}
