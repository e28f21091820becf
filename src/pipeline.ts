import { compareDiagnostics, hasErrors, type Diagnostic } from './diagnostics/diagnostic.js';
import { applyOrgPolicy, lint, type LintOptions } from './lint/index.js';
import { loadSpec } from './load/load.js';
import type { LoadedPolicy } from './load/policy.js';
import { locateAll, type LoadedSpec } from './load/source.js';
import { normalize } from './normalize/normalize.js';
import { TemplateEngine } from './render/engine.js';
import type { RenderedDocument, Target } from './render/target.js';
import { targets as registry } from './render/targets.js';
import { resolve, type ResolvedSystem } from './resolve/graph.js';
import { validate } from './validate/validate.js';
import { verify } from './verify/verify.js';

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

export interface BuildOptions {
  /** The targets to render; undefined = every target whose `byDefault` holds. */
  targets?: readonly Target[];
  /** Folder of template overrides (--templates). */
  templates?: string;
  /** Check every object against the upstream schemas (off with --no-verify). */
  verify: boolean;
  /** An organisation policy (--policy) for the lint stage. */
  policy?: LoadedPolicy;
}

export interface BuildResult {
  spec: LoadedSpec;
  /** Located and sorted: validation, lint, target checks and verification findings. */
  diagnostics: Diagnostic[];
  /** Present when nothing stopped the build. */
  documents?: RenderedDocument[];
}

/**
 * The whole build: load → validate → normalise → resolve → lint → target checks → render → verify, stopping at
 * the first stage with errors. Writing is the caller's: stdout or an --out folder.
 */
export async function build(file: string, options: BuildOptions): Promise<BuildResult> {
  const checked = await check(file, { policy: options.policy });
  const { spec, resolved } = checked;
  const located = (found: Diagnostic[]) => locateAll(found, spec);
  const diagnostics = [...checked.diagnostics];
  const result = () => ({ spec, diagnostics: diagnostics.sort(compareDiagnostics) });
  if (!resolved || hasErrors(diagnostics)) return result();

  diagnostics.push(...lintChecked({ ...checked, resolved }));
  if (hasErrors(diagnostics)) return result();

  const selected = options.targets ?? registry.filter((t) => t.byDefault(resolved));
  diagnostics.push(...located(selected.flatMap((t) => t.check?.(resolved) ?? [])));
  if (hasErrors(diagnostics)) return result();

  // A broken template throws TemplateError: unusable input, not a finding.
  const engine = new TemplateEngine(options.templates);
  const documents = selected.flatMap((t) => t.render(resolved, { engine }));
  if (options.verify) diagnostics.push(...located(await verify(documents, resolved)));
  if (hasErrors(diagnostics)) return result();
  return { ...result(), documents };
}
