import { Command, Option } from 'commander';
import { runCommand, EXIT } from './errors.js';
import { colorsFor, severityLabel } from './report.js';

export function rulesCommand(): Command {
  return new Command('rules')
    .description('list the lint rules with their default severity')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(
      runCommand(async (flags: { format: 'text' | 'json' }) => {
        const { ruleMetas } = await import('../lint/registry.js');
        if (flags.format === 'json') {
          process.stdout.write(`${JSON.stringify({ rules: ruleMetas }, null, 2)}\n`);
          return EXIT.ok;
        }
        const c = colorsFor(process.stdout);
        const width = Math.max(...ruleMetas.map((m) => m.id.length));
        for (const meta of ruleMetas) {
          process.stdout.write(`${c.bold(meta.id.padEnd(width))}  ${severityLabel(meta.severity, c)}  ${meta.description}\n`);
        }
        return EXIT.ok;
      }),
    );
}
