import { existsSync, statSync } from 'node:fs';
import { Command, Option } from 'commander';
import { compareDiagnostics, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { LoadedPolicy } from '../load/policy.js';
import { locateAll, type LoadedSpec } from '../load/source.js';
import { check, lintChecked } from '../pipeline.js';
import { TemplateEngine, TemplateError } from '../render/engine.js';
import type { RenderedDocument, Target } from '../render/target.js';
import { targets as registry } from '../render/targets.js';
import { verify } from '../verify/verify.js';
import { drift } from '../write/drift.js';
import { fileContent, manifestStream, outputFiles } from '../write/files.js';
import { writeOutDir, WriteError } from '../write/out-dir.js';
import { EXIT, runCommand, UsageError } from './errors.js';
import { readPolicyFlag } from './policy-flag.js';
import { colorsFor, formatJson, formatText } from './report.js';
import { specExtensions } from '../load/load.js';

export interface BuildOptions {
  /** Target names; undefined = every target whose `byDefault` holds. */
  targets?: string[];
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

/** Resolves --target names against the registry; no name, or an unknown one, is a usage error listing the valid ones. */
export function selectTargetNames(names: readonly string[]): Target[] {
  const valid = `valid targets: ${registry.map((t) => t.name).join(', ')}`;
  if (names.length === 0) throw new UsageError(`--target names no target; ${valid}`);
  const unknown = names.filter((name) => !registry.some((t) => t.name === name));
  if (unknown.length > 0) throw new UsageError(`unknown target ${unknown.map((n) => JSON.stringify(n)).join(', ')}; ${valid}`);
  return registry.filter((t) => names.includes(t.name));
}

/** load → validate → normalise → resolve → lint → target checks → render → verify; stops at the first stage with errors. */
export async function build(file: string, options: BuildOptions): Promise<BuildResult> {
  const chosen = options.targets ? selectTargetNames(options.targets) : undefined;
  const checked = await check(file, { policy: options.policy });
  const { spec, resolved } = checked;
  const located = (found: Diagnostic[]) => locateAll(found, spec);
  const diagnostics = [...checked.diagnostics];
  const result = () => ({ spec, diagnostics: diagnostics.sort(compareDiagnostics) });
  if (!resolved || hasErrors(diagnostics)) return result();

  diagnostics.push(...lintChecked({ ...checked, resolved }));
  if (hasErrors(diagnostics)) return result();

  const selected = chosen ?? registry.filter((t) => t.byDefault(resolved));
  diagnostics.push(...located(selected.flatMap((t) => t.check?.(resolved) ?? [])));
  if (hasErrors(diagnostics)) return result();

  const engine = new TemplateEngine(options.templates);
  let documents: RenderedDocument[];
  try {
    documents = selected.flatMap((t) => t.render(resolved, { engine }));
  } catch (error) {
    if (error instanceof TemplateError) throw new UsageError(error.message);
    throw error;
  }
  if (options.verify) diagnostics.push(...located(await verify(documents, resolved)));
  if (hasErrors(diagnostics)) return result();
  return { ...result(), documents };
}

interface CliOptions {
  out?: string;
  target?: string;
  templates?: string;
  verify: boolean;
  check?: boolean;
  format: 'text' | 'json';
  policy?: string;
}

function report(diagnostics: readonly Diagnostic[], format: CliOptions['format'], stream: NodeJS.WriteStream, extra?: string): void {
  if (format === 'json') stream.write(`${formatJson(diagnostics)}\n`);
  else {
    if (diagnostics.length > 0) stream.write(`${formatText(diagnostics, colorsFor(stream))}\n`);
    if (extra) stream.write(`${extra}\n`);
  }
}

const count = (n: number, what: string) => `${n} ${what}`;

async function run(file: string, options: CliOptions): Promise<number> {
  if (options.check && !options.out) throw new UsageError('--check compares with an output folder: give --out DIR');
  if (options.templates && !(existsSync(options.templates) && statSync(options.templates).isDirectory())) {
    throw new UsageError(`--templates ${options.templates}: no such folder`);
  }
  const targets = options.target?.split(',').map((t) => t.trim()).filter((t) => t !== '');
  const org = readPolicyFlag(options.policy);
  if (hasErrors(org.diagnostics)) {
    report(org.diagnostics, options.format, options.out ? process.stdout : process.stderr, 'build stopped: the policy file is invalid');
    return EXIT.findings;
  }
  const result = await build(file, { targets, templates: options.templates, verify: options.verify, policy: org.policy });
  // stdout carries the YAML stream when there is no --out; the report then goes to stderr.
  const reportStream = options.out ? process.stdout : process.stderr;
  if (!result.documents) {
    report(result.diagnostics, options.format, reportStream, 'build stopped: nothing was written');
    return EXIT.findings;
  }
  const documents = result.documents;
  if (!options.out) {
    const standalone = documents.filter((d) => d.kind === 'file');
    const onlyOne = standalone.length === 1 && standalone.length === documents.length;
    // A build of one standalone document (e.g. --target asyncapi) prints it; otherwise stdout is the manifest stream.
    process.stdout.write(onlyOne ? fileContent(standalone[0]!) : manifestStream(documents));
    const note =
      standalone.length > 0 && !onlyOne
        ? `${count(standalone.length, 'standalone file(s)')} (not Kubernetes objects) are written only with --out DIR`
        : undefined;
    report(result.diagnostics, options.format, reportStream, note);
    return EXIT.ok;
  }
  const files = outputFiles(documents);
  if (options.check) {
    const found = drift(options.out, files);
    const drifted = hasErrors(found);
    const summary = drifted ? `${options.out} differs from the build: run hamesh build --out ${options.out}` : `${options.out} is up to date (${count(files.length, 'files')})`;
    report([...result.diagnostics, ...found].sort(compareDiagnostics), options.format, reportStream, summary);
    return drifted ? EXIT.findings : EXIT.ok;
  }
  let written;
  try {
    written = writeOutDir(options.out, files);
  } catch (error) {
    if (error instanceof WriteError) throw new UsageError(error.message);
    throw error;
  }
  const tally = (kind: string) => written.changes.filter((c) => c.change === kind).length;
  const summary = `wrote ${options.out}: ${count(files.length, 'files')} (${tally('added')} added, ${tally('modified')} modified, ${tally('removed')} stale removed)`;
  report([...result.diagnostics, ...written.warnings].sort(compareDiagnostics), options.format, reportStream, summary);
  return EXIT.ok;
}

export function buildCommand(): Command {
  return new Command('build')
    .description('compile a spec into Kubernetes and Istio manifests (and the other targets), checked against upstream schemas')
    .argument('<file>', `spec file (${specExtensions.join(', ')})`)
    .option('-o, --out <dir>', 'write files under DIR instead of a YAML stream on stdout')
    .option('-t, --target <names>', `comma-separated targets (${registry.map((t) => t.name).join(', ')}); default: all that apply`)
    .option('--templates <dir>', 'folder of template overrides (same file names as templates/)')
    .option('--policy <file>', 'organisation policy for the lint stage (see hamesh lint --help)')
    .option('--no-verify', 'skip checking every object against the upstream schemas')
    .option('--check', 'compare with --out DIR and exit 1 on any difference, writing nothing')
    .addOption(new Option('-f, --format <format>', 'diagnostics format').choices(['text', 'json']).default('text'))
    .action(runCommand(run));
}
