import { Command, Option } from 'commander';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { check } from '../pipeline.js';
import { EXIT, runCommand } from './errors.js';
import { colorsFor, formatJson, formatText } from './report.js';

export function validateCommand(): Command {
  return new Command('validate')
    .description('check specs against the schema and their cross-references')
    .argument('<files...>', 'spec files (.ts, .mts, .js, .yaml, .yml, .json)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(
      runCommand(async (files: string[], options: { format: 'text' | 'json' }) => {
        const diagnostics: Diagnostic[] = [];
        for (const file of files) diagnostics.push(...(await check(file)).diagnostics);
        if (options.format === 'json') process.stdout.write(`${formatJson(diagnostics)}\n`);
        else if (diagnostics.length > 0) process.stdout.write(`${formatText(diagnostics, colorsFor(process.stdout))}\n`);
        else process.stdout.write(`${files.length === 1 ? files[0] : `${files.length} files`}: valid\n`);
        return hasErrors(diagnostics) ? EXIT.findings : EXIT.ok;
      }),
    );
}
