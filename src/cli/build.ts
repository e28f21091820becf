import { existsSync, statSync } from 'node:fs';
import { Command, Option } from 'commander';
import { compareDiagnostics, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { build } from '../pipeline.js';
import { TemplateError } from '../render/engine.js';
import type { Target } from '../render/target.js';
import { targets as registry } from '../render/targets.js';
import { drift } from '../write/drift.js';
import { fileContent, manifestStream, outputFiles } from '../write/files.js';
import { writeOutDir, WriteError } from '../write/out-dir.js';
import { EXIT, runCommand, UsageError } from './errors.js';
import { readPolicyFlag } from './policy-flag.js';
import { colorsFor, formatJson, formatText } from './report.js';
import { specExtensions } from '../load/load.js';

/** Resolves --target names against the registry; no name, or an unknown one, is a usage error listing the valid ones. */
export function selectTargetNames(names: readonly string[]): Target[] {
  const valid = `valid targets: ${registry.map((t) => t.name).join(', ')}`;
  if (names.length === 0) throw new UsageError(`--target names no target; ${valid}`);
  const unknown = names.filter((name) => !registry.some((t) => t.name === name));
  if (unknown.length > 0) throw new UsageError(`unknown target ${unknown.map((n) => JSON.stringify(n)).join(', ')}; ${valid}`);
  return registry.filter((t) => names.includes(t.name));
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
  const selected = targets ? selectTargetNames(targets) : undefined;
  let result;
  try {
    result = await build(file, { targets: selected, templates: options.templates, verify: options.verify, policy: org.policy });
  } catch (error) {
    if (error instanceof TemplateError) throw new UsageError(error.message);
    throw error;
  }
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
