import { Command, Option } from 'commander';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { checkSpec } from '../pipeline.js';
import { environmentOption, forEachEnvironment } from './environments.js';
import { forEachFile, reportUnusable } from './each-file.js';
import { EXIT, runCommand } from './errors.js';
import { colorsFor, formatJson, formatText } from './report.js';
import { specExtensions } from '../load/load.js';

export function validateCommand(): Command {
  return new Command('validate')
    .description('check specs against the schema and their cross-references')
    .argument('<files...>', `spec files (${specExtensions.join(', ')})`)
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(environmentOption())
    .action(
      runCommand(async (files: string[], options: { format: 'text' | 'json'; env?: string }) => {
        const { diagnostics: found, unusable } = await forEachFile(files, (file) =>
          forEachEnvironment(file, options.env, (spec, environment) => checkSpec(spec, { environment }).diagnostics),
        );
        const diagnostics = [...reportUnusable(unusable, options.format), ...found];
        if (options.format === 'json') process.stdout.write(`${formatJson(diagnostics)}\n`);
        else if (diagnostics.length > 0) process.stdout.write(`${formatText(diagnostics, colorsFor(process.stdout))}\n`);
        else if (unusable.length === 0) process.stdout.write(`${files.length === 1 ? files[0] : `${files.length} files`}: valid\n`);
        return unusable.length > 0 ? EXIT.usage : hasErrors(diagnostics) ? EXIT.findings : EXIT.ok;
      }),
    );
}
