import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../helpers/cli.js';
import { schemaStoreErrors } from '../helpers/schemastore.js';
import { tempDir } from '../helpers/tmp.js';
import { systemName } from '../../src/cli/init.js';

/** Every file under `dir`, relative, sorted (hidden ones included). */
const tree = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();

describe('hamesh init', () => {
  it('makes a project in an empty folder without node_modules that lints clean and passes build --check', () => {
    const { dir } = tempDir();
    const hamesh = (...args: string[]) => runCli(args, { cwd: dir });
    const init = hamesh('init');
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('created system.ts\ncreated hamesh.policy.yaml\ncreated hamesh.config.yaml\n');
    expect(init.stdout).toMatch(/wrote deploy: \d+ files/);
    // No node_modules here or in any folder above: nothing for `import … from 'hamesh'` to resolve to but hamesh.
    for (let folder = dir; folder !== dirname(folder); folder = dirname(folder))
      expect(existsSync(join(folder, 'node_modules'))).toBe(false);
    // The TS spec imports 'hamesh', which resolves to hamesh itself with no node_modules in sight.
    expect(readFileSync(join(dir, 'system.ts'), 'utf8')).toContain("import { defineSystem } from 'hamesh';");

    const lint = hamesh('lint');
    expect(lint.stdout).toBe('system.ts: no problems\n');
    expect(lint.code).toBe(0);
    expect(hamesh('validate').code).toBe(0);
    const check = hamesh('build', '--check');
    expect(check.stdout).toMatch(/^deploy is up to date \(\d+ files\)\n$/);
    expect(check.code).toBe(0);

    // The check is real: a change to the spec makes deploy/ stale until the next build.
    const spec = join(dir, 'system.ts');
    writeFileSync(spec, readFileSync(spec, 'utf8').replace('replicas: 2,', 'replicas: 3,'));
    expect(hamesh('build', '--check').code).toBe(1);
    expect(hamesh('build').code).toBe(0);
    expect(hamesh('build', '--check').code).toBe(0);
    // The policy is in force: a critical service on one replica is an error.
    writeFileSync(
      spec,
      readFileSync(spec, 'utf8').replace(
        "tier: 'critical',\n      timeout: '1s'",
        "tier: 'critical',\n      replicas: 1,\n      timeout: '1s'",
      ),
    );
    const failing = hamesh('lint', '--format', 'json');
    expect(failing.code).toBe(1);
    expect(JSON.parse(failing.stdout).diagnostics).toContainEqual(
      expect.objectContaining({ rule: 'min-replicas', file: 'system.ts', path: '/services/orders/replicas' }),
    );
  });

  it('writes a YAML spec into a new folder with --yaml, building the same manifests as the TS one', () => {
    const { dir } = tempDir();
    const hamesh = (cwd: string, ...args: string[]) => runCli(args, { cwd });
    expect(hamesh(dir, 'init', 'app-ts').code).toBe(0);
    const init = hamesh(dir, 'init', 'app-yaml', '--yaml');
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('created app-yaml/system.yaml\n');
    expect(init.stdout).toContain('cd app-yaml && hamesh build --check');
    const project = join(dir, 'app-yaml');
    expect(parse(readFileSync(join(project, 'hamesh.config.yaml'), 'utf8'))).toEqual({
      specs: ['system.yaml'],
      policy: 'hamesh.policy.yaml',
      out: 'deploy',
    });
    expect(hamesh(project, 'lint').stdout).toBe('system.yaml: no problems\n');
    expect(hamesh(project, 'build', '--check').code).toBe(0);
    // Named after their folders, the two specs are otherwise one system.
    const manifests = (name: string) =>
      tree(join(dir, name, 'deploy')).map((file) => [
        file,
        readFileSync(join(dir, name, 'deploy', file), 'utf8').replaceAll(name, 'NAME'),
      ]);
    expect(manifests('app-yaml')).toEqual(manifests('app-ts'));
    expect(manifests('app-ts').length).toBeGreaterThan(8);
  });

  it('writes a workflow that is a valid GitHub Actions workflow using the action, and a valid config', () => {
    const { dir } = tempDir();
    expect(runCli(['init', dir]).code).toBe(0);
    const workflow = parse(readFileSync(join(dir, '.github/workflows/hamesh.yml'), 'utf8'));
    expect(schemaStoreErrors('github-workflow', workflow)).toEqual([]);
    const steps = workflow.jobs.hamesh.steps as Array<{ uses?: string; with?: Record<string, unknown> }>;
    expect(steps.map((s) => s.uses)).toEqual(['actions/checkout@v5', 'hamesh-dev/hamesh@v0']);
    expect(steps[1]!.with).toEqual({ formats: 'github,markdown' });
  });

  it('in a folder below a git repository, names its config in the workflow and says to move it to the root', () => {
    const { dir } = tempDir();
    expect(spawnSync('git', ['init', '-q', dir]).status).toBe(0);
    const init = runCli(['init', 'services/shop', '--yaml'], { cwd: dir });
    expect(init.code).toBe(0);
    expect(init.stdout).toContain(
      `note: services/shop is inside the git repository ${dir}, and GitHub runs workflows only from its root: move services/shop/.github/workflows/hamesh.yml to .github/workflows/hamesh.yml (it names this folder's config)`,
    );
    const workflow = parse(readFileSync(join(dir, 'services/shop/.github/workflows/hamesh.yml'), 'utf8'));
    expect(workflow.jobs.hamesh.steps[1].with).toEqual({
      config: 'services/shop/hamesh.config.yaml',
      formats: 'github,markdown',
    });
    expect(schemaStoreErrors('github-workflow', workflow)).toEqual([]);
    // What the workflow will run, from the repository's root.
    const check = runCli(['build', '--check', '--config', 'services/shop/hamesh.config.yaml'], { cwd: dir });
    expect(check.stdout).toMatch(/^services\/shop\/deploy is up to date/);
  });

  it('refuses to overwrite anything: exit 2 naming the file, and nothing written', () => {
    const { dir, write } = tempDir();
    write('hamesh.policy.yaml', 'tiers: {}\n');
    const before = tree(dir);
    const refused = runCli(['init'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      'hamesh: init: hamesh.policy.yaml already exists; nothing was written (init never overwrites: move it away, or init another folder)\n',
    );
    expect(tree(dir)).toEqual(before);
    expect(readFileSync(join(dir, 'hamesh.policy.yaml'), 'utf8')).toBe('tiers: {}\n');
  });

  it('refuses a folder holding another hamesh.config, or an output folder, naming each', () => {
    const { dir, write } = tempDir();
    write('hamesh.config.json', '{}');
    write('deploy', 'a file where the output folder goes');
    const refused = runCli(['init', dir, '--yaml']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('hamesh.config.json, ');
    expect(refused.stderr).toContain('deploy already exist;');
    expect(tree(dir)).toEqual(['deploy', 'hamesh.config.json']);
    const notFolder = runCli(['init', join(dir, 'deploy')]);
    expect(notFolder.code).toBe(2);
    expect(notFolder.stderr).toMatch(/init: .*deploy is not a folder/);
  });

  it('names the system after its folder as a DNS-1123 label', () => {
    expect(systemName('My Shop')).toBe('my-shop');
    expect(systemName('2024_orders.v2')).toBe('orders-v2');
    expect(systemName('___')).toBe('my-system');
    expect(systemName('a'.repeat(70))).toHaveLength(63);
  });

  it('documents itself in --help', () => {
    const help = runCli(['init', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--yaml');
    expect(help.stdout).toContain('Never overwrites');
    expect(runCli(['--help']).stdout).toMatch(/init \[options\] \[dir\]/);
  });
});
