import { existsSync, statSync } from 'node:fs';
import { Command, Option } from 'commander';
import { constants as osConstants } from 'node:os';
import { seconds, timeoutOption } from './options.js';
import { compareDiagnostics, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { environmentsToRun } from '../environment/select.js';
import { loadSpec } from '../load/load.js';
import type { LoadedSpec } from '../load/source.js';
import { build, loadOrgPolicy, type BuildOptions } from '../pipeline.js';
import { environmentOption } from './environments.js';
import { TemplateError } from '../render/engine.js';
import type { Target } from '../render/target.js';
import { targets as registry } from '../render/targets.js';
import { drift } from '../write/drift.js';
import { fileContent, manifestChunks, outputFiles } from '../write/files.js';
import { writeChunks } from '../write/stream.js';
import { waitUnlocked } from '../write/lock.js';
import { Interrupted, writeOutDir, WriteError } from '../write/out-dir.js';
import { EXIT, runCommand, UsageError } from './errors.js';
import { oneSpecFile, outFolder, policyFile, projectConfig, targetNames, configOptions } from './project.js';
import { emitReport, formatOption, outputOption, type Format, type OutputTarget } from './formats.js';
import { colorsFor, formatText, printable, tally } from './report.js';
import { specExtensions } from '../load/load.js';

/** Resolves --target names against the registry; no name, or an unknown one, is a usage error listing the valid ones. */
export function selectTargetNames(names: readonly string[]): Target[] {
  const valid = `valid targets: ${registry.map((t) => t.name).join(', ')}`;
  if (names.length === 0) throw new UsageError(`--target names no target; ${valid}`);
  const unknown = names.filter((name) => !registry.some((t) => t.name === name));
  if (unknown.length > 0)
    throw new UsageError(`unknown target ${unknown.map((n) => JSON.stringify(n)).join(', ')}; ${valid}`);
  return registry.filter((t) => names.includes(t.name));
}

interface CliOptions {
  out?: string;
  target?: string;
  templates?: string;
  verify: boolean;
  check?: boolean;
  format: Format;
  output: OutputTarget[];
  policy?: string;
  env?: string;
  /** `--lint MODE`, or false for `--no-lint`. */
  lint?: 'error' | 'warn' | 'off' | false;
  force?: boolean;
  lockTimeout: number;
  timeout: number;
}

const count = (n: number, what: string) => `${n} ${what}`;

/** One environment's build: its findings, a summary line, and the exit code. Writes stdout or its --out folder. */
export interface Outcome {
  code: number;
  diagnostics: Diagnostic[];
  summary?: string;
  /** A signal stopped the write (and rolled it back): no further environment is built. */
  interrupted?: boolean;
}

export async function buildOne(
  spec: LoadedSpec,
  environment: string | undefined,
  out: string | undefined,
  options: BuildOptions & Pick<CliOptions, 'check' | 'force' | 'lockTimeout'>,
): Promise<Outcome> {
  let result: Awaited<ReturnType<typeof build>>;
  try {
    result = await build(spec, { ...options, environment });
  } catch (error) {
    if (error instanceof TemplateError) throw new UsageError(error.message);
    throw error;
  }
  if (result.ignored) writeIgnored(result.ignored);
  if (!result.documents)
    return { code: EXIT.findings, diagnostics: result.diagnostics, summary: 'build stopped: nothing was written' };
  const documents = result.documents;
  if (!out) {
    const standalone = documents.filter((d) => d.kind === 'file');
    const onlyOne = standalone.length === 1 && standalone.length === documents.length;
    // A build of one standalone document (e.g. --target asyncapi) prints it; otherwise stdout is the manifest stream.
    await writeChunks(process.stdout, onlyOne ? [fileContent(standalone[0]!)] : manifestChunks(documents));
    const summary =
      standalone.length > 0 && !onlyOne
        ? `${count(standalone.length, 'standalone file(s)')} (not Kubernetes objects) are written only with --out DIR`
        : undefined;
    return { code: EXIT.ok, diagnostics: result.diagnostics, summary };
  }
  const files = outputFiles(documents);
  if (options.check) {
    try {
      await waitUnlocked(out, options.lockTimeout);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const found = result.judgeWrite!(drift(out, files, { force: options.force }));
    const drifted = hasErrors(found);
    const summary = drifted
      ? `${out} differs from the build: run hamesh build --out ${out}`
      : `${out} is up to date (${count(files.length, 'files')})`;
    return { code: drifted ? EXIT.findings : EXIT.ok, diagnostics: [...result.diagnostics, ...found], summary };
  }
  let written: Awaited<ReturnType<typeof writeOutDir>>;
  try {
    written = await writeOutDir(out, files, { force: options.force, lockTimeoutMs: options.lockTimeout });
  } catch (error) {
    if (error instanceof WriteError) throw new UsageError(error.message);
    if (error instanceof Interrupted) {
      process.stderr.write(`hamesh: ${error.message}: ${printable(out)} is as it was before this build\n`);
      return { code: 128 + osConstants.signals[error.signal], diagnostics: result.diagnostics, interrupted: true };
    }
    throw error;
  }
  const tally = (kind: string) => written.changes.filter((c) => c.change === kind).length;
  const summary = `wrote ${out}: ${count(files.length, 'files')} (${tally('added')} added, ${tally('modified')} modified, ${tally('removed')} stale removed)`;
  const judged = result.judgeWrite!([...written.recovered, ...written.warnings]);
  return { code: EXIT.ok, diagnostics: [...result.diagnostics, ...judged], summary };
}

/** `--no-lint`: the lint findings the build went on without, on stderr, so shipping regardless is never silent. */
function writeIgnored(ignored: readonly Diagnostic[]): void {
  const { errors, warnings } = tally(ignored);
  process.stderr.write(
    `hamesh: --no-lint: built without acting on ${count(errors, 'lint error(s)')} and ${count(warnings, 'warning(s)')}:\n`,
  );
  process.stderr.write(`${formatText(ignored, colorsFor(process.stderr))}\n`);
}

async function run(arg: string | undefined, options: CliOptions): Promise<number> {
  const file = await oneSpecFile(arg, 'build');
  // An output folder comes from --out or the config's `out`.
  const hasOut = options.out !== undefined || (await projectConfig())?.config.out !== undefined;
  if (options.check && !hasOut)
    throw new UsageError('--check compares with an output folder: give --out DIR (or `out:` in hamesh.config)');
  if (options.templates && !(existsSync(options.templates) && statSync(options.templates).isDirectory())) {
    throw new UsageError(`--templates ${options.templates}: no such folder`);
  }
  const targets = await targetNames(options.target);
  // stdout carries the YAML stream when there is no output folder; the report then goes to stderr.
  const reportStream = hasOut ? process.stdout : process.stderr;
  const org = loadOrgPolicy(await policyFile(options.policy));
  if (hasErrors(org.diagnostics)) {
    emitReport(
      org.diagnostics,
      { command: 'build', specs: [file], summary: ['build stopped: the policy file is invalid'] },
      options,
      reportStream,
    );
    return EXIT.findings;
  }
  const selected = targets ? selectTargetNames(targets) : undefined;
  const spec = await loadSpec(file, { timeoutMs: options.timeout });
  const environments = environmentsToRun(spec, options.env);
  const several = environments.length > 1;
  if (several && !hasOut) {
    throw new UsageError(
      `${file} declares environments ${environments.join(', ')}: choose one with --env NAME (or HAMESH_ENV), or build each into its own folder with --out DIR`,
    );
  }
  const outs = await Promise.all(environments.map((environment) => outFolder(options.out, environment, several)));
  const lint = options.lint === false ? 'off' : (options.lint ?? 'error');
  const outcomes: Outcome[] = [];
  for (const [index, environment] of environments.entries()) {
    const out = outs[index];
    const outcome = await buildOne(spec, environment, out, {
      targets: selected,
      templates: options.templates,
      verify: options.verify,
      policy: org.policy,
      lint,
      check: options.check,
      force: options.force,
      lockTimeout: options.lockTimeout,
    });
    outcomes.push({
      ...outcome,
      summary: outcome.summary && several ? `[${environment}] ${outcome.summary}` : outcome.summary,
    });
    if (outcome.interrupted) break;
  }
  const diagnostics = outcomes.flatMap((o) => o.diagnostics).sort(compareDiagnostics);
  emitReport(
    diagnostics,
    { command: 'build', specs: [file], summary: outcomes.flatMap((o) => (o.summary ? [o.summary] : [])) },
    options,
    reportStream,
  );
  return Math.max(...outcomes.map((o) => o.code));
}

export function buildCommand(): Command {
  return configOptions(new Command('build'))
    .description(
      'compile a spec into Kubernetes and Istio manifests (and the other targets), checked against upstream schemas',
    )
    .argument('[file]', `spec file (${specExtensions.join(', ')}); default: the hamesh.config's only spec`)
    .option(
      '-o, --out <dir>',
      "write files under DIR instead of a YAML stream on stdout (default: the hamesh.config's `out`)",
    )
    .option(
      '-t, --target <names>',
      `comma-separated targets (${registry.map((t) => t.name).join(', ')}); default: all that apply`,
    )
    .option('--templates <dir>', 'folder of template overrides (same file names as templates/)')
    .option('--policy <file>', 'organisation policy for the lint stage (see hamesh lint --help)')
    .option('--no-verify', 'skip checking every object against the upstream schemas')
    .option('--check', 'compare with --out DIR and exit 1 on any difference, writing nothing')
    .option(
      '--force',
      "overwrite files in --out DIR that hamesh does not own where the build writes (they become hamesh's)",
    )
    .addOption(
      new Option('--lock-timeout <seconds>', 'how long to wait for another build writing the same --out DIR')
        .argParser(seconds)
        .default(60_000, '60'),
    )
    .addOption(timeoutOption())
    .addOption(environmentOption())
    .addOption(
      new Option(
        '--lint <mode>',
        'what lint findings do: error (stop the build), warn (report them as warnings), off',
      ).choices(['error', 'warn', 'off']),
    )
    .option('--no-lint', 'build regardless of lint findings (same as --lint off); the ignored findings are printed')
    .addOption(formatOption('format of the findings (with --check, drift is a finding on the generated file)'))
    .addOption(outputOption())
    .action(runCommand(run));
}
