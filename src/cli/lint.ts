import { Command, InvalidArgumentError, Option } from 'commander';
import { compareDiagnostics, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { LoadedSpec } from '../load/source.js';
import { checkSpec, lintChecked, type CheckOptions } from '../pipeline.js';
import { environmentOption, forEachEnvironment } from './environments.js';
import { forEachFile, reportUnusable } from './each-file.js';
import { EXIT, runCommand } from './errors.js';
import { readPolicyFlag } from './policy-flag.js';
import { colorsFor, formatJson, formatText } from './report.js';
import { formatSarif } from './sarif.js';
import { specExtensions } from '../load/load.js';

interface LintFlags {
  format: 'text' | 'json' | 'sarif';
  maxWarnings?: number;
  policy?: string;
  env?: string;
}

function count(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('must be a whole number (0 or more).');
  return Number(value);
}

/** Validation problems, or else lint findings, of one spec in one environment, located and sorted. */
export function lintSpec(spec: LoadedSpec, options: CheckOptions): Diagnostic[] {
  const checked = checkSpec(spec, options);
  if (!checked.resolved) return checked.diagnostics;
  return [...checked.diagnostics, ...lintChecked({ ...checked, resolved: checked.resolved })].sort(compareDiagnostics);
}

export function lintCommand(): Command {
  return new Command('lint')
    .description('find single points of failure and HA policy violations across services, calls and events')
    .argument('<files...>', `spec files (${specExtensions.join(', ')})`)
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'sarif']).default('text'))
    .option('--max-warnings <count>', 'exit 1 when there are more warnings than this', count)
    .option('--policy <file>', 'organisation policy (YAML or JSON): a floor each spec\'s own policy may tighten, not loosen')
    .addOption(environmentOption())
    .action(
      runCommand(async (files: string[], flags: LintFlags) => {
        const { policy, diagnostics } = readPolicyFlag(flags.policy);
        // An invalid organisation policy would lint every spec against the wrong rules: report it alone.
        const { diagnostics: found, unusable } = hasErrors(diagnostics)
          ? { diagnostics: [], unusable: [] }
          : await forEachFile(files, (file) => forEachEnvironment(file, flags.env, (spec, environment) => lintSpec(spec, { policy, environment })));
        diagnostics.push(...reportUnusable(unusable, flags.format), ...found);

        if (flags.format === 'json') process.stdout.write(`${formatJson(diagnostics)}\n`);
        else if (flags.format === 'sarif') process.stdout.write(`${formatSarif(diagnostics, process.cwd())}\n`);
        else if (diagnostics.length > 0) process.stdout.write(`${formatText(diagnostics, colorsFor(process.stdout))}\n`);
        else if (unusable.length === 0) process.stdout.write(`${files.length === 1 ? files[0] : `${files.length} files`}: no problems\n`);

        if (unusable.length > 0) return EXIT.usage;
        if (hasErrors(diagnostics)) return EXIT.findings;
        const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
        if (flags.maxWarnings !== undefined && warnings > flags.maxWarnings) {
          process.stderr.write(`hamesh: ${warnings} warnings, more than --max-warnings ${flags.maxWarnings}\n`);
          return EXIT.findings;
        }
        return EXIT.ok;
      }),
    );
}
