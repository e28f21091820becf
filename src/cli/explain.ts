import { Command } from 'commander';
import { allCodes, findCode, isConfigurable, ruleOptions, whyNotConfigurable } from '../diagnostics/codes.js';
import { didYouMean } from '../util/suggest.js';
import { EXIT, runCommand, UsageError } from './errors.js';
import { colorsFor } from './report.js';

export function explainCommand(): Command {
  return new Command('explain')
    .description('print what a diagnostic id means, why it matters and how to fix it')
    .argument('<rule>', 'a diagnostic id, as `hamesh rules` lists them')
    .action(
      runCommand(async (id: string) => {
        const code = findCode(id);
        if (!code) {
          throw new UsageError(
            `unknown rule '${id}'${didYouMean(
              id,
              allCodes.map((m) => m.id),
            )}; run \`hamesh rules\` to list them`,
          );
        }
        const c = colorsFor(process.stdout);
        const lines = [`${c.bold(code.id)} (${code.severity} by default): ${code.description}`];
        if ('rationale' in code) lines.push('', c.bold('Why'), code.rationale);
        lines.push('', c.bold('How to fix'), code.fix);
        const options = Object.entries(ruleOptions(code));
        if (options.length > 0) {
          lines.push('', `${c.bold('Options')} (policy.rules.${code.id}: {severity, …})`);
          for (const [name, option] of options)
            lines.push(`  ${name}: ${option.description} Default ${option.default}.`);
        }
        if (!isConfigurable(code)) {
          lines.push('', `Not a lint judgement: ${whyNotConfigurable(code)}.`);
        }
        process.stdout.write(`${lines.join('\n')}\n`);
        return EXIT.ok;
      }),
    );
}
