import type { LintCode } from '../diagnostics/codes.js';
import type { RelatedLocation, Severity } from '../diagnostics/diagnostic.js';
import type { NormalizedPolicy, NormalizedSystem } from '../normalize/model.js';
import type { ResolvedSystem } from '../resolve/resolve.js';

/** A rule's documentation and options: its catalogue entry (src/diagnostics/codes.ts). */
export type RuleMeta = LintCode;

export interface Finding {
  /** JSON Pointer of the value to change. */
  path: string;
  message: string;
  /** Overrides the rule's default severity for this finding (e.g. `error` when the tier requires it). */
  severity?: Severity;
  /**
   * The object the finding is about when `path` is a value it inherits (e.g. `/services/cart` for a finding at
   * `/defaults/replicas`), so a suppression of the object matches it.
   */
  subject?: string;
  /** Every hop of a graph finding (SPOF path, retry chain, cycle), in order. */
  related?: RelatedLocation[];
}

export interface RuleContext {
  resolved: ResolvedSystem;
  system: NormalizedSystem;
  policy: NormalizedPolicy;
  /** The rule's options, defaults applied. */
  options: Readonly<Record<string, number>>;
  report(finding: Finding): void;
}

/** One lint rule: its documentation and how it evaluates the resolved model (never the raw spec). */
export interface Rule {
  meta: RuleMeta;
  /** Reports a finding through `context.report` for every problem it sees. */
  evaluate(context: RuleContext): void;
}

export const defineRule = (rule: Rule): Rule => rule;
