import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ResolvedSystem } from '../resolve/graph.js';

/** Runs every enabled rule over the resolved system. (Rules arrive with the linter; see src/lint/rules/.) */
export function lint(_resolved: ResolvedSystem): Diagnostic[] {
  return [];
}
