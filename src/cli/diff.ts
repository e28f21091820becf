import { Command } from 'commander';
import { environmentNames, environmentsToRun } from '../environment/select.js';
import { buildVersion, diffVersions, UnbuildableVersion } from '../diff/diff.js';
import { loadSpecAtRevision } from '../load/git.js';
import { loadSpec, specExtensions } from '../load/load.js';
import { selectTargetNames } from './build.js';
import { describeRuns, formatDiffJson, formatDiffMarkdown, formatDiffText, type DiffRun } from './diff-report.js';
import {
  formatOption,
  formatReport,
  outputOption,
  writeReports,
  type Format,
  type OutputTarget,
  type ReportContext,
} from './formats.js';
import { environmentOption } from './environments.js';
import { EXIT, runCommand, UsageError } from './errors.js';
import { timeoutOption } from './options.js';
import { oneSpecFile, targetNames, configOptions } from './project.js';
import { colorsFor, formatText } from './report.js';
import { targets as registry } from '../render/targets.js';

interface DiffFlags {
  base?: string;
  format: Format;
  output: OutputTarget[];
  env?: string;
  target?: string;
  timeout: number;
}

/** The two versions to compare: `OLD NEW`, or `--base REF FILE` (FILE at REF against the working tree). */
async function versions(files: readonly string[], flags: DiffFlags) {
  const options = { timeoutMs: flags.timeout };
  if (flags.base !== undefined) {
    if (files.length > 1)
      throw new UsageError(
        `--base ${flags.base} compares one spec with its version at ${flags.base}: give exactly one FILE`,
      );
    const file = await oneSpecFile(files[0], 'diff --base');
    return {
      before: await loadSpecAtRevision(file, flags.base, options),
      after: await loadSpec(file, options),
      heading: { before: `${file} at ${flags.base}`, after: file },
    };
  }
  if (files.length !== 2)
    throw new UsageError('give the two versions to compare (OLD NEW), or one FILE with --base REF');
  const [old, next] = files as [string, string];
  return {
    before: await loadSpec(old, options),
    after: await loadSpec(next, options),
    heading: { before: old, after: next },
  };
}

async function run(files: string[], flags: DiffFlags): Promise<number> {
  const names = await targetNames(flags.target);
  const targets = names ? selectTargetNames(names) : undefined;
  const { before, after, heading } = await versions(files, flags);
  const runs: DiffRun[] = [];
  try {
    for (const environment of environmentsToRun(after, flags.env)) {
      // An environment the old version did not declare is compared with the old version as written.
      const old =
        environment !== undefined && environmentNames(before.data).includes(environment) ? environment : undefined;
      const result = diffVersions(
        await buildVersion(before, old, targets),
        await buildVersion(after, environment, targets),
      );
      runs.push({ ...(environment !== undefined && { environment }), result });
    }
  } catch (error) {
    if (!(error instanceof UnbuildableVersion)) throw error;
    process.stderr.write(
      `hamesh: cannot compare: ${error.message}\n${formatText(error.diagnostics, colorsFor(process.stderr))}\n`,
    );
    return EXIT.usage;
  }
  const diagnostics = runs.flatMap((r) => r.result.diagnostics);
  // The findings formats (github annotations, SARIF) carry the unsafe changes, located on the new version's lines.
  const findings: ReportContext = {
    command: 'diff',
    specs: [heading.after],
    summary: [`hamesh diff: ${heading.before} → ${heading.after}: ${describeRuns(runs)}`],
  };
  writeReports((format, colors) => {
    switch (format) {
      case 'json':
        return formatDiffJson(runs, heading);
      case 'markdown':
        return formatDiffMarkdown(runs, heading, process.cwd());
      case 'text':
        return formatDiffText(runs, heading, colors);
      default:
        return formatReport(format, diagnostics, findings);
    }
  }, flags);
  const unsafe = diagnostics.some((d) => d.severity !== 'note');
  return unsafe ? EXIT.findings : EXIT.ok;
}

export function diffCommand(): Command {
  return configOptions(new Command('diff'))
    .description(
      'compare two versions of a spec: what changes in the spec and in the cluster, and which changes are unsafe to apply',
    )
    .argument(
      '[files...]',
      `OLD NEW, or one FILE with --base REF (${specExtensions.join(', ')}; default: the hamesh.config's only spec)`,
    )
    .option(
      '-b, --base <ref>',
      'compare FILE with its version at this git revision (a branch, tag or commit, e.g. origin/main)',
    )
    .addOption(
      formatOption(
        'output format: text, markdown or json reports; github (annotations) or sarif carry the unsafe changes alone',
      ),
    )
    .addOption(outputOption('the report'))
    .option(
      '-t, --target <names>',
      `comma-separated targets to compare (${registry.map((t) => t.name).join(', ')}); default: all that apply`,
    )
    .addOption(environmentOption())
    .addOption(timeoutOption())
    .addHelpText(
      'after',
      [
        '',
        "Unsafe-change rules (configure them in the new version's policy.rules; `hamesh explain RULE`):",
        '  partitions-decrease (error), partitions-increase-keyed (warning), replication-change (warning),',
        '  event-removed-with-subscribers (error), payload-breaking (error), caller-removed (note).',
        '',
        'Exit codes: 0 safe (notes only), 1 an unsafe change (error or warning), 2 a version cannot be read or built.',
      ].join('\n'),
    )
    .action(runCommand(run));
}
