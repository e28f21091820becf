/*
 * The pipeline, top to bottom as the README draws it: load → (environment) → validate → (organisation policy) →
 * normalize → resolve → lint → render → verify; writing is the caller's. Each stage takes the previous one's
 * output. Diagnostics come out of the stages as JSON Pointers and are located (file, line, column) here.
 */
import { compareDiagnostics, hasErrors, pointer, type Diagnostic } from './diagnostics/diagnostic.js';
import { loadSpec } from './load/load.js';
import { locateAll, type LoadedSpec } from './load/source.js';
import { applyEnvironment, type EnvironmentSpec } from './environment/select.js';
import { validate } from './validate/validate.js';
import { loadPolicy, type LoadedPolicy } from './policy/load.js';
import { applyOrgPolicy } from './policy/merge.js';
import { normalize } from './normalize/normalize.js';
import { resolve, type ResolvedSystem } from './resolve/resolve.js';
import { judge, lint, type LintOptions } from './lint/engine.js';
import { TemplateEngine } from './render/engine.js';
import { applyPatches } from './render/patches.js';
import type { RenderedDocument, Target } from './render/target.js';
import { targets as registry } from './render/targets.js';
import { verifyReferences } from './verify/references.js';
import { verify } from './verify/verify.js';
import type { System } from './spec/schema.generated.js';

/** Reads the organisation policy (`--policy FILE`), if any: the policy, and its own problems located in its file. */
export function loadOrgPolicy(file: string | undefined): { policy?: LoadedPolicy; diagnostics: Diagnostic[] } {
  if (file === undefined) return { diagnostics: [] };
  const { source, policy, diagnostics } = loadPolicy(file);
  return { ...(policy && { policy: { ...source, policy } }), diagnostics: locateAll(diagnostics, source) };
}

export interface AnalyzeOptions {
  /** An organisation policy (`--policy`), merged with the spec's own `policy:` before normalizing. */
  policy?: LoadedPolicy;
  /** The environment (`--env`) merged over the spec before validation. */
  environment?: string;
  /** How long a TS/JS spec may take to load (`--timeout`). */
  timeoutMs?: number;
}

export interface Analysis {
  spec: LoadedSpec;
  /** Located and sorted. */
  diagnostics: Diagnostic[];
  /** Present when validation passed. */
  resolved?: ResolvedSystem;
  /** How the lint stage locates findings that belong to the organisation policy file. */
  lintOptions: LintOptions;
}

/** load → (environment) → validate → (policy) → normalize → resolve. Throws LoadError (exit code 2) for unusable input. */
export async function analyze(file: string, options: AnalyzeOptions = {}): Promise<Analysis> {
  return analyzeSpec(await loadSpec(file, { timeoutMs: options.timeoutMs }), options);
}

/** `analyze` of a spec already loaded (a spec with environments is loaded once and analyzed per environment). */
export function analyzeSpec(loaded: LoadedSpec, options: AnalyzeOptions = {}): Analysis {
  const spec: LoadedSpec & Partial<EnvironmentSpec> =
    options.environment === undefined ? loaded : applyEnvironment(loaded, options.environment);
  const validation = validate(spec.data, spec.fileSources);
  const diagnostics = located(validation.diagnostics, spec).sort(compareDiagnostics);
  if (!validation.ok) return { spec, diagnostics, lintOptions: {} };

  const { policy } = options;
  const input = policy ? applyOrgPolicy(validation.spec, policy) : { spec: validation.spec, notes: [] };
  diagnostics.push(...located(input.notes, spec));
  const lintOptions: LintOptions = {
    sourceOf: spec.sourceOf,
    ...(policy && { suppressionSource: orgSuppressions(validation.spec, policy) }),
  };
  return { spec, diagnostics, resolved: resolve(normalize(input.spec, spec.fileSources)), lintOptions };
}

/** Where the merged `policy.suppress[index]` is written: after the spec's own entries come the organisation's, located in its file. */
function orgSuppressions(spec: System, org: LoadedPolicy): NonNullable<LintOptions['suppressionSource']> {
  const own = spec.policy?.suppress?.length ?? 0;
  return (index) => {
    if (index < own) return undefined;
    const path = pointer('suppress', index - own);
    return { path, file: org.file, ...org.locate(path) };
  };
}

/** Locates diagnostics in the spec and tags them with its environment, if any. */
function located(diagnostics: readonly Diagnostic[], spec: LoadedSpec & Partial<EnvironmentSpec>): Diagnostic[] {
  const { environment } = spec;
  const found = locateAll(diagnostics, spec);
  return environment === undefined ? found : found.map((d) => ({ ...d, environment }));
}

/** The lint stage over an analyzed spec: its findings, located in the spec (or the policy file). */
export function lintAnalysis(analysis: Analysis & { resolved: ResolvedSystem }): Diagnostic[] {
  return located(lint(analysis.resolved, analysis.lintOptions), analysis.spec);
}

export interface BuildOptions extends AnalyzeOptions {
  /** What lint findings do: stop the build on errors (default), count as warnings (`warn`), or nothing (`off`). */
  lint?: 'error' | 'warn' | 'off';
  /** The targets to render; undefined = every target whose `byDefault` holds. */
  targets?: readonly Target[];
  /** Folder of template overrides (--templates). */
  templates?: string;
  /** Check every object against the upstream schemas (off with --no-verify). */
  verify: boolean;
}

export interface BuildResult {
  spec: LoadedSpec;
  /** Located and sorted: validation, lint, target preflights and verification findings. */
  diagnostics: Diagnostic[];
  /** Lint findings `lint: 'off'` let through (for the caller to show). */
  ignored?: Diagnostic[];
  /** Present when nothing stopped the build. */
  documents?: RenderedDocument[];
  /** The resolved system the documents were rendered from (present with them). */
  resolved?: ResolvedSystem;
  /**
   * The write stage's findings about the output folder (the caller's), judged by the spec's policy as lint's are:
   * warnings configured in `policy.rules` and hidden by `policy.suppress` (present with the documents).
   */
  judgeWrite?: (found: readonly Diagnostic[]) => Diagnostic[];
}

/** A lint error let through by `lint: 'warn'`: a warning that says what it was. */
const demote = (d: Diagnostic): Diagnostic =>
  d.severity === 'error'
    ? { ...d, severity: 'warning', message: `${d.message} (an error, let through by --lint warn)` }
    : d;

/**
 * The whole build: load → validate → normalize → resolve → lint → target preflights → render → verify, stopping at
 * the first stage with errors. Writing is the caller's: stdout or an --out folder.
 */
export async function build(file: string | LoadedSpec, options: BuildOptions): Promise<BuildResult> {
  const analysis = analyzeSpec(
    typeof file === 'string' ? await loadSpec(file, { timeoutMs: options.timeoutMs }) : file,
    options,
  );
  const { spec, resolved } = analysis;
  const locate = (found: Diagnostic[]) => located(found, spec);
  const diagnostics = [...analysis.diagnostics];
  if (!resolved || hasErrors(diagnostics)) return { spec, diagnostics: diagnostics.sort(compareDiagnostics) };

  const findings = lintAnalysis({ ...analysis, resolved });
  const ignored = options.lint === 'off' ? findings : [];
  if (options.lint === 'warn') diagnostics.push(...findings.map(demote));
  else if (options.lint !== 'off') diagnostics.push(...findings);
  const result = () => ({
    spec,
    diagnostics: diagnostics.sort(compareDiagnostics),
    ...(ignored.length > 0 && { ignored }),
  });
  if (hasErrors(diagnostics)) return result();

  const selected = options.targets ?? registry.filter((t) => t.byDefault(resolved));
  const names = selected.map((t) => t.name);
  diagnostics.push(...locate(selected.flatMap((t) => t.preflight?.(resolved, names) ?? [])));
  if (hasErrors(diagnostics)) return result();

  // A broken template throws TemplateError: unusable input, not a finding.
  const engine = new TemplateEngine(options.templates);
  const patched = applyPatches(
    resolved.system.patches,
    selected.flatMap((t) => t.render(resolved, { engine, selected: names })),
  );
  const documents = patched.documents;
  // Render's warnings (a patch that matches nothing) are judgements, configured and suppressed as lint's.
  const judgeStage = (found: readonly Diagnostic[], stage: 'render' | 'write') =>
    judge(found, stage, resolved.system.policy, analysis.lintOptions);
  diagnostics.push(...locate(judgeStage(patched.diagnostics, 'render')));
  if (options.verify)
    diagnostics.push(...locate([...(await verify(documents)), ...verifyReferences(documents, resolved.system)]));
  if (hasErrors(diagnostics)) return result();
  // The output folder's findings name their own files; only a suppression's report is located in the spec.
  const judgeWrite = (found: readonly Diagnostic[]) =>
    judgeStage(found, 'write').map((d) => (d.file === undefined ? locate([d])[0]! : d));
  return { ...result(), documents, resolved, judgeWrite };
}
