import { Command, Option } from 'commander';
import { allCodes, isConfigurable, stages } from '../diagnostics/codes.js';
import { runCommand, EXIT } from './errors.js';
import { colorsFor, severityLabel } from './report.js';

export function rulesCommand(): Command {
  return new Command('rules')
    .description('list every diagnostic id, grouped by stage, with its default severity')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(
      runCommand(async (flags: { format: 'text' | 'json' }) => {
        if (flags.format === 'json') {
          // Every id with its documentation; lint rules also with their options.
          const entries = allCodes.map((code) => ({ ...code, configurable: isConfigurable(code) }));
          process.stdout.write(`${JSON.stringify({ rules: entries }, null, 2)}\n`);
          return EXIT.ok;
        }
        const c = colorsFor(process.stdout);
        const width = Math.max(...allCodes.map((code) => code.id.length));
        const lines: string[] = [];
        for (const stage of stages) {
          const group = allCodes.filter((code) => code.stage === stage);
          if (group.length === 0) continue;
          const note =
            stage === 'lint'
              ? 'judgements: configurable in policy.rules, suppressible in policy.suppress'
              : stage === 'diff'
                ? 'unsafe changes `hamesh diff` finds between two versions: configurable in policy.rules'
                : 'facts, not judgements: an error means the spec cannot be built; not configurable';
          lines.push(`${lines.length > 0 ? '\n' : ''}${c.bold(stage)} (${note})`);
          for (const code of group) {
            lines.push(`  ${c.bold(code.id.padEnd(width))}  ${severityLabel(code.severity, c)}  ${code.description}`);
          }
        }
        process.stdout.write(`${lines.join('\n')}\n`);
        return EXIT.ok;
      }),
    );
}
