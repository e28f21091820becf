import { compareDiagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import { applyOrgPolicy, lint, type LintOptions } from './lint/index.js';
import { loadSpec } from './load/load.js';
import type { LoadedPolicy } from './load/policy.js';
import { locateAll, type LoadedSpec } from './load/source.js';
import { normalize } from './normalize/normalize.js';
import { resolve, type ResolvedSystem } from './resolve/graph.js';
import { validate } from './validate/validate.js';

export interface CheckOptions {
  /** An organisation policy (`--policy`), merged with the spec's own `policy:` before normalising. */
  policy?: LoadedPolicy;
}

export interface Checked {
  spec: LoadedSpec;
  /** Located and sorted. */
  diagnostics: Diagnostic[];
  /** Present when validation passed. */
  resolved?: ResolvedSystem;
  /** How the lint stage locates findings that belong to the organisation policy file. */
  lintOptions: LintOptions;
}

/** load → validate → normalise → resolve. Throws LoadError (exit code 2) for unusable input. */
export async function check(file: string, options: CheckOptions = {}): Promise<Checked> {
  const spec = await loadSpec(file);
  const validation = validate(spec.data);
  const diagnostics = locateAll(validation.diagnostics, spec).sort(compareDiagnostics);
  if (!validation.ok) return { spec, diagnostics, lintOptions: {} };
  const input = options.policy ? applyOrgPolicy(validation.spec, options.policy) : { spec: validation.spec, options: {} };
  return { spec, diagnostics, resolved: resolve(normalize(input.spec)), lintOptions: input.options };
}

/** The lint stage over a checked spec: its findings, located in the spec (or the policy file). */
export function lintChecked(checked: Checked & { resolved: ResolvedSystem }): Diagnostic[] {
  return locateAll(lint(checked.resolved, checked.lintOptions), checked.spec);
}
