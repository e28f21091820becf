import { Command } from 'commander';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { analyzeSpec } from '../pipeline.js';
import { environmentOption, forEachEnvironment } from './environments.js';
import { forEachFile, reportUnusable } from './each-file.js';
import { EXIT, runCommand } from './errors.js';
import { emitReport, formatOption, outputOption, type Format, type OutputTarget } from './formats.js';
import { timeoutOption } from './options.js';
import { printable } from './report.js';
import { specFiles, configOptions } from './project.js';
import { specExtensions } from '../load/load.js';

export function validateCommand(): Command {
  return configOptions(new Command('validate'))
    .description('check specs against the schema and their cross-references')
    .argument(
      '[files...]',
      `spec files (${specExtensions.join(', ')}), folders or globs; default: the hamesh.config's specs`,
    )
    .addOption(formatOption())
    .addOption(outputOption())
    .addOption(environmentOption())
    .addOption(timeoutOption())
    .action(
      runCommand(
        async (args: string[], options: { format: Format; output: OutputTarget[]; env?: string; timeout: number }) => {
          const files = await specFiles(args);
          const { diagnostics: found, unusable } = await forEachFile(files, (file) =>
            forEachEnvironment(
              file,
              options.env,
              (spec, environment) => analyzeSpec(spec, { environment }).diagnostics,
              options.timeout,
            ),
          );
          const diagnostics = [...reportUnusable(unusable, options.format), ...found];
          const clean = diagnostics.length === 0 && unusable.length === 0;
          const summary =
            clean && options.format === 'text'
              ? [`${files.length === 1 ? printable(files[0]!) : `${files.length} files`}: valid`]
              : [];
          emitReport(diagnostics, { command: 'validate', specs: files, summary }, options);
          return unusable.length > 0 ? EXIT.usage : hasErrors(diagnostics) ? EXIT.findings : EXIT.ok;
        },
      ),
    );
}
