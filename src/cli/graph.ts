import { Command, Option } from 'commander';
import { toDot, toMermaid } from '../graph/diagram.js';
import { loadSpec } from '../load/load.js';
import { environmentsToRun } from '../environment/select.js';
import { analyzeSpec } from '../pipeline.js';
import { specExtensions } from '../load/load.js';
import { environmentOption } from './environments.js';
import { EXIT, runCommand } from './errors.js';
import { emitReport } from './formats.js';
import { oneSpecFile, configOptions } from './project.js';

/** The Mermaid graph of a spec (its first environment), or undefined when it does not validate: for Markdown reports. */
export async function mermaidOf(file: string, environment: string | undefined): Promise<string | undefined> {
  try {
    const spec = await loadSpec(file);
    const analysis = analyzeSpec(spec, { environment: environmentsToRun(spec, environment)[0] });
    return analysis.resolved && toMermaid(analysis.resolved);
  } catch {
    return undefined; // an unusable spec is reported by the command itself
  }
}

export function graphCommand(): Command {
  return configOptions(new Command('graph'))
    .description(
      'draw services, events, calls and publish/subscribe edges (tier and replicas on each node, single points of failure in red)',
    )
    .argument('[file]', `spec file (${specExtensions.join(', ')}); default: the hamesh.config's only spec`)
    .addOption(new Option('-f, --format <format>', 'diagram format').choices(['mermaid', 'dot']).default('mermaid'))
    .addOption(environmentOption())
    .action(
      runCommand(async (arg: string | undefined, options: { format: 'mermaid' | 'dot'; env?: string }) => {
        const file = await oneSpecFile(arg, 'graph');
        const spec = await loadSpec(file);
        const environment = environmentsToRun(spec, options.env)[0];
        const analysis = analyzeSpec(spec, { environment });
        if (!analysis.resolved) {
          emitReport(
            analysis.diagnostics,
            { command: 'graph', specs: [file], summary: ['graph: the spec is invalid'] },
            { format: 'text' },
            process.stderr,
          );
          return EXIT.findings;
        }
        process.stdout.write(options.format === 'dot' ? toDot(analysis.resolved) : toMermaid(analysis.resolved));
        return EXIT.ok;
      }),
    );
}
