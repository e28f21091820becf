import { Command, InvalidArgumentError } from 'commander';
import { compareDiagnostics, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { LoadedSpec } from '../load/source.js';
import { analyzeSpec, lintAnalysis, loadOrgPolicy, type AnalyzeOptions } from '../pipeline.js';
import { environmentOption, forEachEnvironment } from './environments.js';
import { forEachFile, reportUnusable } from './each-file.js';
import { EXIT, runCommand } from './errors.js';
import { mermaidOf } from './graph.js';
import { emitReport, formatOption, outputOption, type Format, type OutputTarget } from './formats.js';
import { timeoutOption } from './options.js';
import { printable } from './report.js';
import { policyFile, specFiles, configOptions } from './project.js';
import { specExtensions } from '../load/load.js';

interface LintFlags {
  format: Format;
  output: OutputTarget[];
  maxWarnings?: number;
  policy?: string;
  env?: string;
  timeout: number;
}

function count(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('must be a whole number (0 or more).');
  return Number(value);
}

/** Validation problems, or else lint findings, of one spec in one environment, located and sorted. */
function lintSpec(spec: LoadedSpec, options: AnalyzeOptions): Diagnostic[] {
  const analysis = analyzeSpec(spec, options);
  if (!analysis.resolved) return analysis.diagnostics;
  return [...analysis.diagnostics, ...lintAnalysis({ ...analysis, resolved: analysis.resolved })].sort(
    compareDiagnostics,
  );
}

export function lintCommand(): Command {
  return configOptions(new Command('lint'))
    .description('find single points of failure and HA policy violations across services, calls and events')
    .argument(
      '[files...]',
      `spec files (${specExtensions.join(', ')}), folders or globs; default: the hamesh.config's specs`,
    )
    .addOption(formatOption())
    .addOption(outputOption())
    .option('--max-warnings <count>', 'exit 1 when there are more warnings than this', count)
    .addOption(timeoutOption())
    .option(
      '--policy <file>',
      "organisation policy (YAML or JSON): a floor each spec's own policy may tighten, not loosen",
    )
    .addOption(environmentOption())
    .action(
      runCommand(async (args: string[], flags: LintFlags) => {
        const files = await specFiles(args);
        const { policy, diagnostics } = loadOrgPolicy(await policyFile(flags.policy));
        // An invalid organisation policy would lint every spec against the wrong rules: report it alone.
        const { diagnostics: found, unusable } = hasErrors(diagnostics)
          ? { diagnostics: [], unusable: [] }
          : await forEachFile(files, (file) =>
              forEachEnvironment(
                file,
                flags.env,
                (spec, environment) => lintSpec(spec, { policy, environment }),
                flags.timeout,
              ),
            );
        diagnostics.push(...reportUnusable(unusable, flags.format), ...found);

        const clean = diagnostics.length === 0 && unusable.length === 0;
        const summary =
          clean && flags.format === 'text'
            ? [`${files.length === 1 ? printable(files[0]!) : `${files.length} files`}: no problems`]
            : [];
        // A Markdown report (a job summary, a PR comment) shows the graph of each spec below the findings.
        const wantsMarkdown = flags.format === 'markdown' || flags.output.some((o) => o.format === 'markdown');
        const graphs = wantsMarkdown ? await Promise.all(files.map((file) => mermaidOf(file, flags.env))) : [];
        const sections = () =>
          graphs.flatMap((graph, i) => (graph ? [`### Graph of ${files[i]}\n\n\`\`\`mermaid\n${graph}\`\`\``] : []));
        emitReport(diagnostics, { command: 'lint', specs: files, summary, sections }, flags);

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
