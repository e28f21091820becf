import type { Rule } from './rule.js';
import { allRules } from './rules/index.js';
import { sortBy } from '../util/order.js';

/** Every lint rule, sorted by id. A new rule is one file under rules/, its line in rules/index.ts and its test. */
export const rules: readonly Rule[] = sortBy([...allRules], (rule) => rule.meta.id);
