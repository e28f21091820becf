import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { Command, CommanderError } from 'commander';
import { EXIT } from './errors.js';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/** Every command, one file each under src/cli/, imported on demand: `hamesh --version` needs none of them. */
const commandModules: Record<string, () => Promise<() => Command>> = {
  init: async () => (await import('./init.js')).initCommand,
  validate: async () => (await import('./validate.js')).validateCommand,
  build: async () => (await import('./build.js')).buildCommand,
  lint: async () => (await import('./lint.js')).lintCommand,
  diff: async () => (await import('./diff.js')).diffCommand,
  graph: async () => (await import('./graph.js')).graphCommand,
  rules: async () => (await import('./rules.js')).rulesCommand,
  explain: async () => (await import('./explain.js')).explainCommand,
};

/**
 * The commands a command line needs: only the one it names (each command's module, with the packages it imports,
 * is what a run spends its start-up on), all of them for the help, a misspelt command or `--version`'s absence of one.
 */
async function loadCommands(argv: readonly string[]): Promise<Array<() => Command>> {
  const first = argv[2];
  if (argv.length === 3 && (first === '-v' || first === '--version')) return [];
  const named = first !== undefined && Object.hasOwn(commandModules, first) ? [commandModules[first]!] : undefined;
  return Promise.all((named ?? Object.values(commandModules)).map((load) => load()));
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

/**
 * Says why a write to standard output failed, in one line, and exits 2 (once: later writes fail the same way). The
 * explanation's module is imported here, on this rare path: it brings the writer's packages (js-yaml), which
 * `hamesh --version` would otherwise load.
 */
let failedOutput = false;
async function refuseOutput(error: NodeJS.ErrnoException): Promise<void> {
  if (failedOutput) return;
  failedOutput = true;
  try {
    const why =
      error.code === 'EBADF'
        ? 'it is not open for writing (a folder, a device or a read-only file descriptor)'
        : (await import('../write/out-dir.js')).reason(error);
    process.stderr.write(`hamesh: cannot write to standard output: ${why}\n`);
  } catch {
    // stderr is gone too
  }
  process.exit(EXIT.usage);
}

/** Runs the CLI; usage errors exit 2 (commander's own default is 1, which we keep for findings). */
export async function main(argv: readonly string[] = process.argv): Promise<void> {
  // A build holds its spec, model and objects to the end, so most of what survives young-generation GC stays; V8's
  // default growth let old space fill with dead objects to ~303 MiB of peak RSS at 10,000 services (live: ~140 MiB).
  // Growing it by at most 40% at each full GC: ~271 MiB, for ~3% more CPU time (bench/RESULTS.md).
  setFlagsFromString('--heap-growing-percent=40');
  // A run lasts about a second, and V8's optimising compiler spent much of it on code that would soon stop: a function
  // is optimised once it has run through its interrupt budget (bytecode executed) three times. With a budget of
  // 150,000 instead of 67,584, a 1,000-service build took ~9% less time and a 100-service one ~7% less; at 10,000
  // services, where optimised code pays back, it was within 2% (bench/RESULTS.md). Set before any command's code loads.
  setFlagsFromString('--interrupt-budget=150000');
  refuseDroppedOutput(process.stdout);
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      // A reader that goes away (`hamesh build … | head`) is not an error worth a message.
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      if (stream === process.stdout) void refuseOutput(error);
      else process.exit(EXIT.usage);
    });
  }
  try {
    await program(await loadCommands(argv)).parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) {
      const informational = ['commander.helpDisplayed', 'commander.version'].includes(error.code);
      process.exitCode = informational ? EXIT.ok : EXIT.usage;
      return;
    }
    throw error;
  }
}
