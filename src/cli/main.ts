import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { reason } from '../write/out-dir.js';
import { Command, CommanderError } from 'commander';
import { EXIT } from './errors.js';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/** Every command, one file each under src/cli/ (imported on demand: `hamesh --version` needs none of them). */
async function loadCommands(): Promise<Array<() => Command>> {
  const [init, validate, build, lint, diff, graph, rules, explain] = await Promise.all([
    import('./init.js'),
    import('./validate.js'),
    import('./build.js'),
    import('./lint.js'),
    import('./diff.js'),
    import('./graph.js'),
    import('./rules.js'),
    import('./explain.js'),
  ]);
  return [
    init.initCommand,
    validate.validateCommand,
    build.buildCommand,
    lint.lintCommand,
    diff.diffCommand,
    graph.graphCommand,
    rules.rulesCommand,
    explain.explainCommand,
  ];
}

export function program(commands: ReadonlyArray<() => Command>): Command {
  const root = new Command('hamesh')
    .description(
      'Describe services, events and HA policies once; validate, lint and compile them to Istio, Kubernetes and broker config.',
    )
    .version(version, '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  hamesh init                                    start a project: spec, policy, config, CI workflow',
        '  hamesh validate system.ts                      check the spec (exit 1 on errors)',
        '  hamesh lint --format sarif system.yaml         HA findings for code scanning',
        '  hamesh build system.ts | kubectl apply -f -    compile and apply',
        '  hamesh build system.ts --out deploy --check    fail CI when deploy/ is out of date',
        '  hamesh diff --base origin/main system.ts       what a pull request changes, and whether it is safe',
        '  hamesh graph system.ts --format dot | dot -Tsvg > system.svg',
        '',
        'Exit codes: 0 clean, 1 findings, 2 unusable input or usage error.',
      ].join('\n'),
    );
  for (const command of commands)
    root.addCommand(command().exitOverride().showHelpAfterError('(run with --help for usage)'));
  return root;
}

/**
 * A standard output Node cannot write to (a folder or a block device: `hamesh … 1<.`) becomes a stream that silently
 * drops everything; make writing to it fail like any other write error. A *closed* stdout (`>&-`) Node replaces by
 * /dev/null before any code runs, so it cannot be told from `> /dev/null` (nor from a parent's `stdio: 'ignore'`).
 */
function refuseDroppedOutput(stream: NodeJS.WriteStream): void {
  if (Object.getPrototypeOf(stream) !== Writable.prototype) return;
  stream._write = (_chunk, _encoding, callback) =>
    callback(Object.assign(new Error('not a file, pipe or terminal'), { code: 'EBADF' }));
}

/** Why a write to standard output failed, in one line. */
const outputFailure = (error: NodeJS.ErrnoException): string =>
  error.code === 'EBADF'
    ? 'it is not open for writing (a folder, a device or a read-only file descriptor)'
    : reason(error);

/** Runs the CLI; usage errors exit 2 (commander's own default is 1, which we keep for findings). */
export async function main(argv: readonly string[] = process.argv): Promise<void> {
  refuseDroppedOutput(process.stdout);
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      // A reader that goes away (`hamesh build … | head`) is not an error worth a message.
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      if (stream === process.stdout) {
        try {
          process.stderr.write(`hamesh: cannot write to standard output: ${outputFailure(error)}\n`);
        } catch {
          // stderr is gone too
        }
      }
      process.exit(EXIT.usage);
    });
  }
  try {
    const onlyVersion = argv.length === 3 && ['-v', '--version'].includes(argv[2]!);
    await program(onlyVersion ? [] : await loadCommands()).parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) {
      const informational = ['commander.helpDisplayed', 'commander.version'].includes(error.code);
      process.exitCode = informational ? EXIT.ok : EXIT.usage;
      return;
    }
    throw error;
  }
}
