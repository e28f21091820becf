import { readdirSync } from 'node:fs';
import { policyRules } from './policy-rules.js';
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

/** Every rule id hamesh can report from lint, with its documentation: the checks and the policy findings. */
export const ruleMetas: readonly RuleMeta[] = sortBy([...rules.map((r) => r.meta), ...policyRules], (meta) => meta.id);

const byId = new Map(ruleMetas.map((meta) => [meta.id, meta]));

export const findRule = (id: string): RuleMeta | undefined => byId.get(id);
