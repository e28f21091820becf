import { Command } from 'commander';
import { didYouMean } from '../util/suggest.js';
import { EXIT, runCommand, UsageError } from './errors.js';
import { colorsFor } from './report.js';

export function explainCommand(): Command {
  return new Command('explain')
    .description("print a lint rule's rationale and how to fix its findings")
    .argument('<rule>', 'a rule id, as `hamesh rules` lists them')
    .action(
      runCommand(async (id: string) => {
        const { findRule, ruleMetas } = await import('../lint/registry.js');
        const { workloadCodes } = await import('../validate/workload-codes.js');
        const meta = findRule(id) ?? workloadCodes.find((code) => code.id === id);
        if (!meta) {
          const known = [...ruleMetas, ...workloadCodes].map((m) => m.id);
          throw new UsageError(`unknown rule '${id}'${didYouMean(id, known)}; run \`hamesh rules\` to list them`);
        }
        const c = colorsFor(process.stdout);
        const lines = [
          `${c.bold(meta.id)} (${meta.severity} by default): ${meta.description}`,
          '',
          c.bold('Why'),
          meta.rationale,
          '',
          c.bold('How to fix'),
          meta.fix,
        ];
        const options = Object.entries(meta.options ?? {});
        if (options.length > 0) {
          lines.push('', c.bold('Options') + ` (policy.rules.${meta.id}: {severity, …})`);
          for (const [name, option] of options) lines.push(`  ${name}: ${option.description} Default ${option.default}.`);
        }
        process.stdout.write(`${lines.join('\n')}\n`);
        return EXIT.ok;
      }),
    );
}
