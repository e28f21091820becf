import { existsSync, lstatSync, mkdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { Command } from 'commander';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { loadSpec } from '../load/load.js';
import { loadOrgPolicy } from '../pipeline.js';
import { buildOne, type Outcome } from './build.js';
import { configNames } from './config.js';
import { describeError, EXIT, runCommand, UsageError } from './errors.js';
import { formatText, printable } from './report.js';
import pc from 'picocolors';

/** The starter files, in scaffold/ (a real spec and config, checked like the examples). */
const scaffold = (name: string) => readFileSync(new URL(`../../scaffold/${name}`, import.meta.url), 'utf8');

/** The spec's name in scaffold/system.*, replaced by one derived from the folder. */
const PLACEHOLDER = 'my-system';
/** Where the build writes (the scaffold config's `out`). */
const OUT = 'deploy';
const POLICY = 'hamesh.policy.yaml';
const CONFIG = 'hamesh.config.yaml';
const WORKFLOW = '.github/workflows/hamesh.yml';

/** A DNS-1123 label from a folder's name (`My Shop` → `my-shop`), or the placeholder when nothing is left. */
export function systemName(folder: string): string {
  const name = folder
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .slice(0, 63)
    .replace(/^[^a-z]+|-+$/g, '');
  return name === '' ? PLACEHOLDER : name;
}

/**
 * The files `hamesh init` writes, relative to its folder, with their text. `configFromRoot` is the config's path
 * from the git repository's root when the folder is below it: the workflow (to be moved there) names it.
 */
function plannedFiles(name: string, yaml: boolean, configFromRoot?: string): Array<{ path: string; text: string }> {
  const spec = yaml ? 'system.yaml' : 'system.ts';
  const workflow = scaffold('github-workflow.yml');
  return [
    { path: spec, text: scaffold(spec).replaceAll(PLACEHOLDER, name) },
    { path: POLICY, text: scaffold(POLICY) },
    { path: CONFIG, text: scaffold(CONFIG).replace('specs: [system.ts]', `specs: [${spec}]`) },
    {
      path: WORKFLOW,
      text: configFromRoot ? workflow.replace('with:\n', `with:\n          config: ${configFromRoot}\n`) : workflow,
    },
  ];
}

/** The root of the git work tree `dir` is in, when that is a folder above it (GitHub reads workflows only there). */
function repositoryAbove(dir: string): string | undefined {
  for (let folder = dirname(dir); ; folder = dirname(folder)) {
    if (existsSync(join(folder, '.git'))) return folder;
    if (folder === dirname(folder)) return undefined;
  }
}

const exists = (path: string) => {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
};

/**
 * What was created so far, undone in reverse on failure: init writes everything or nothing. Only paths this run
 * created are removed (files were created exclusively, folders only when they did not exist).
 */
class Created {
  private readonly paths: Array<{ path: string; folder: boolean }> = [];

  folder(path: string): void {
    const missing: string[] = [];
    for (let p = path; !existsSync(p); p = dirname(p)) missing.unshift(p);
    for (const p of missing) {
      mkdirSync(p);
      this.paths.push({ path: p, folder: true });
    }
  }

  file(path: string, text: string): void {
    this.folder(dirname(path));
    writeFileSync(path, text, { flag: 'wx' });
    this.paths.push({ path, folder: false });
  }

  /** The output folder the first build wrote (all of it is this run's). */
  tree(path: string): void {
    this.paths.push({ path, folder: false });
  }

  rollback(): void {
    for (const { path, folder } of this.paths.reverse()) {
      if (folder) rmdirSync(path);
      else rmSync(path, { recursive: true, force: true });
    }
  }
}

interface Options {
  yaml?: boolean;
}

async function run(dirArg: string | undefined, options: Options): Promise<number> {
  const dir = resolve(dirArg ?? '.');
  if (existsSync(dir) && !lstatSync(dir).isDirectory()) throw new UsageError(`init: ${dirArg} is not a folder`);
  const repository = existsSync(join(dir, '.git')) ? undefined : repositoryAbove(dir);
  const configFromRoot = repository && relative(repository, join(dir, CONFIG)).split(sep).join('/');
  const files = plannedFiles(systemName(basename(dir)), options.yaml === true, configFromRoot);
  const shown = (path: string) => relative(process.cwd(), join(dir, path)) || '.';
  // Any config file in the folder would make two (ambiguous); the output folder is the first build's to create.
  const taken = [...new Set([...files.map((f) => f.path), ...configNames, OUT])].filter((path) =>
    exists(join(dir, path)),
  );
  if (taken.length > 0) {
    throw new UsageError(
      `init: ${taken.map(shown).join(', ')} already exist${taken.length === 1 ? 's' : ''}; nothing was written (init never overwrites: move ${taken.length === 1 ? 'it' : 'them'} away, or init another folder)`,
    );
  }
  const created = new Created();
  try {
    for (const { path, text } of files) created.file(join(dir, path), text);
    const outcome = await firstBuild(dir, files[0]!.path, created);
    if (outcome.code !== EXIT.ok || hasErrors(outcome.diagnostics)) {
      created.rollback();
      // An interrupted write has said so (and rolled itself back); anything else is the starter spec's fault.
      if (!outcome.interrupted) {
        const found = formatText(outcome.diagnostics, pc.createColors(false));
        process.stderr.write(`hamesh: init: the starter spec does not build; nothing was written:\n${found}\n`);
      }
      return outcome.code === EXIT.ok ? EXIT.findings : outcome.code;
    }
    for (const { path } of files) process.stdout.write(`created ${printable(shown(path))}\n`);
    const summary = outcome.summary!.replace(join(dir, OUT), shown(OUT));
    process.stdout.write(`${summary}\n\n${nextSteps(dir, files[0]!.path)}`);
    if (repository) {
      const target = printable(relative(process.cwd(), join(repository, WORKFLOW)) || WORKFLOW);
      process.stdout.write(
        `\nnote: ${printable(shown(''))} is inside the git repository ${printable(repository)}, and GitHub runs workflows only from its root: move ${printable(shown(WORKFLOW))} to ${target} (it names this folder's config)\n`,
      );
    }
    return EXIT.ok;
  } catch (error) {
    created.rollback();
    throw error instanceof UsageError ? error : new UsageError(`init: ${describeError(error)}; nothing was written`);
  }
}

/** Builds the new spec into deploy/, as `hamesh build` would with the new config, so `build --check` passes at once. */
async function firstBuild(dir: string, spec: string, created: Created): Promise<Outcome> {
  const org = loadOrgPolicy(join(dir, POLICY));
  const out = join(dir, OUT);
  created.tree(out);
  const outcome = await buildOne(await loadSpec(join(dir, spec)), undefined, out, {
    policy: org.policy,
    lint: 'error',
    verify: true,
    lockTimeout: 60_000,
  });
  return { ...outcome, diagnostics: [...org.diagnostics, ...outcome.diagnostics] };
}

function nextSteps(dir: string, spec: string): string {
  const where = relative(process.cwd(), dir);
  const cd = where === '' ? '' : `cd ${where} && `;
  return [
    'Next:',
    `  ${cd}hamesh lint               check ${spec} against ${POLICY}`,
    `  ${cd}hamesh build              after each change: regenerate ${OUT}/, then commit it`,
    `  ${cd}hamesh build --check      what CI runs (${WORKFLOW}): fails when ${OUT}/ is stale`,
    ...(spec.endsWith('.ts') ? ['  npm install --save-dev hamesh   types for defineSystem in your editor'] : []),
    '',
  ].join('\n');
}

export function initCommand(): Command {
  return new Command('init')
    .description(
      'start a project: a working spec, a policy, hamesh.config.yaml, a GitHub workflow, and the first build into deploy/',
    )
    .argument('[dir]', 'the folder to write into (created if missing); default: the working directory')
    .option('--yaml', 'write the spec as system.yaml instead of a TypeScript system.ts')
    .addHelpText(
      'after',
      `\nWrites ${['system.ts (or system.yaml)', POLICY, CONFIG, WORKFLOW, `${OUT}/`].join(', ')}.\nNever overwrites: if any of them (or another hamesh.config.*) exists, exits 2 naming it and writes nothing.`,
    )
    .action(runCommand(run));
}
