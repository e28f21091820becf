import { compareDiagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import { loadSpec } from './load/load.js';
import { locateAll, type LoadedSpec } from './load/source.js';
import { normalize } from './normalize/normalize.js';
import { resolve, type ResolvedSystem } from './resolve/graph.js';
import { validate } from './validate/validate.js';

export interface Checked {
  spec: LoadedSpec;
  /** Located and sorted. */
  diagnostics: Diagnostic[];
  /** Present when validation passed. */
  resolved?: ResolvedSystem;
}

/** load → validate → normalise → resolve. Throws LoadError (exit code 2) for unusable input. */
export async function check(file: string): Promise<Checked> {
  const spec = await loadSpec(file);
  const validation = validate(spec.data);
  const diagnostics = locateAll(validation.diagnostics, spec).sort(compareDiagnostics);
  if (!validation.ok) return { spec, diagnostics };
  return { spec, diagnostics, resolved: resolve(normalize(validation.spec)) };
}
