import { codes } from '../diagnostics/codes.js';
import type { Rule, RuleMeta } from './rule.js';
import { allRules } from './rules/index.js';
import { sortBy } from '../util/order.js';

/** Every lint rule, sorted by id. A new rule is one file under rules/, its line in rules/index.ts and its test. */
export const rules: readonly Rule[] = sortBy([...allRules], (rule) => rule.meta.id);

/** The lint engine's own findings about the policy: configured like rules, but reported by the engine itself. */
const policyFindings: readonly RuleMeta[] = [codes.expiredSuppression, codes.policyConfig, codes.policyFloor, codes.unusedSuppression];

/** Every id the lint stage reports, with its documentation and options: the rules and the policy findings. */
export const ruleMetas: readonly RuleMeta[] = sortBy([...rules.map((r) => r.meta), ...policyFindings], (meta) => meta.id);

const byId = new Map<string, RuleMeta>(ruleMetas.map((meta) => [meta.id, meta]));

export const findRule = (id: string): RuleMeta | undefined => byId.get(id);
