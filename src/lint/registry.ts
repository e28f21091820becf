import { readdirSync } from 'node:fs';
import { codes } from '../diagnostics/codes.js';
import type { Rule, RuleMeta } from './rule.js';
import { sortBy } from '../util/order.js';
/** The folder of rules: every module in it is one rule, exported as `rule`, in a file named after its id. */
const rulesFolder = new URL('./rules/', import.meta.url);

async function loadRules(): Promise<Rule[]> {
  const files = readdirSync(rulesFolder).filter((file) => /\.[cm]?[jt]s$/.test(file) && !file.endsWith('.d.ts'));
  const loaded = await Promise.all(
    files.map(async (file) => {
      const { rule } = (await import(new URL(file, rulesFolder).href)) as { rule?: Rule };
      const id = file.replace(/\.[^.]+$/, '');
      if (rule?.meta.id !== id) throw new Error(`src/lint/rules/${file} must export \`rule\` with meta.id '${id}'`);
      return rule;
    }),
  );
  return sortBy(loaded, (rule) => rule.meta.id);
}

/** Every lint rule, sorted by id. A new rule is one file under rules/ (found here by its name) and its test. */
export const rules: readonly Rule[] = await loadRules();

/** The lint engine's own findings about the policy: configured like rules, but with no check. */
const policyFindings: readonly RuleMeta[] = [codes.expiredSuppression, codes.policyConfig, codes.policyFloor, codes.unusedSuppression];

/** Every id the lint stage reports, with its documentation and options: the rules and the policy findings. */
export const ruleMetas: readonly RuleMeta[] = sortBy([...rules.map((r) => r.meta), ...policyFindings], (meta) => meta.id);

const byId = new Map<string, RuleMeta>(ruleMetas.map((meta) => [meta.id, meta]));

export const findRule = (id: string): RuleMeta | undefined => byId.get(id);
