import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { root, runCli } from '../helpers/cli.js';
import { schemaStoreErrors } from '../helpers/schemastore.js';
import { shopProject } from '../helpers/spec.js';
import { tempDir } from '../helpers/tmp.js';

interface Hook {
  id: string;
  name: string;
  entry: string;
  language: string;
  files?: string;
  pass_filenames?: boolean;
}

const hooks = parse(readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const hook = (id: string) => hooks.find((h) => h.id === id)!;
const { bin } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: Record<string, string> };

/**
 * Runs a hook's entry as pre-commit does with `pass_filenames: false`: the entry's words, no file names. pre-commit's
 * node language installs this package globally (`npm pack` + `npm install -g`), so the entry's first word is the
 * package's bin, run here from this checkout.
 */
function runHook(id: string, cwd: string) {
  const [command, ...args] = hook(id).entry.split(' ');
  expect(Object.keys(bin)).toContain(command);
  return runCli(args, { cwd });
}

describe('.pre-commit-hooks.yaml', () => {
  it("has what pre-commit requires of each hook (SchemaStore's pre-commit-hooks.json) and the two hooks", () => {
    expect(schemaStoreErrors('pre-commit-hooks', hooks)).toEqual([]);
    expect(schemaStoreErrors('pre-commit-hooks', [{ id: 'x', name: 'x', entry: 'x' }])).not.toEqual([]);
    expect(hooks.map((h) => h.id)).toEqual(['hamesh-lint', 'hamesh-check']);
    for (const h of hooks) {
      expect(h).toMatchObject({ language: 'node', pass_filenames: false });
      expect(h.name).not.toBe('');
    }
  });

  it("installs as pre-commit installs it: `npm pack` prints only the tarball's name, prepare script or not", () => {
    // pre-commit's node language runs `npm pack` in this repository and installs the file its stdout names, but npm
    // prints a lifecycle script's banner there (our prepare script builds dist/) unless .npmrc turns
    // foreground-scripts off. A package with a prepare script shows it, with and without our .npmrc. (Verified with
    // pre-commit 3.0.4 itself: `pre-commit try-repo` installs the hooks, and both pass on the shop example.)
    const { dir, write } = tempDir();
    write('package.json', JSON.stringify({ name: 'probe', version: '1.0.0', scripts: { prepare: 'echo built' } }));
    // Without the npm_* variables `npm test` sets (npm_config_local_prefix would point npm at this repository).
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
    const pack = () => spawnSync('npm', ['pack', '--dry-run'], { cwd: dir, env, encoding: 'utf8' }).stdout;
    expect(pack()).toContain('> probe@1.0.0 prepare');
    copyFileSync(join(root, '.npmrc'), join(dir, '.npmrc'));
    expect(pack()).toBe('probe-1.0.0.tgz\n');
  });

  it('runs when a commit touches a file hamesh reads or writes, and not otherwise', () => {
    // pre-commit matches `files` with Python's re.search; these patterns mean the same in JavaScript.
    const matches = (id: string, path: string) => new RegExp(hook(id).files!).test(path);
    for (const path of ['system.ts', 'specs/shop.yaml', 'hamesh.config.json', 'hamesh.policy.yml']) {
      expect(matches('hamesh-lint', path)).toBe(true);
      expect(matches('hamesh-check', path)).toBe(true);
    }
    expect(matches('hamesh-check', 'deploy/services/web/kubernetes.yaml')).toBe(true);
    expect(matches('hamesh-check', 'deploy/.hamesh-outputs')).toBe(true);
    expect(matches('hamesh-check', 'templates/deployment.yaml.hbs')).toBe(true);
    for (const path of ['README.md', 'src/main.go', 'Dockerfile']) {
      expect(matches('hamesh-lint', path)).toBe(false);
      expect(matches('hamesh-check', path)).toBe(false);
    }
  });

  it("runs each hook's entry against the shop example: clean, then failing on a finding and on drift", () => {
    const dir = shopProject();
    expect(runHook('hamesh-lint', dir)).toMatchObject({ code: 0, stdout: 'system.yaml: no problems\n' });
    expect(runHook('hamesh-check', dir)).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^deploy is up to date/),
    });

    const spec = join(dir, 'system.yaml');
    const original = readFileSync(spec, 'utf8');
    writeFileSync(spec, original.replace('replicas: 3\n', 'replicas: 4\n'));
    const check = runHook('hamesh-check', dir);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('deploy differs from the build: run hamesh build --out deploy');
    writeFileSync(spec, original.replace('replicas: 3\n', 'replicas: 1\n'));
    const lint = runHook('hamesh-lint', dir);
    expect(lint.code).toBe(1);
    expect(lint.stdout).toMatch(/system\.yaml:\d+:\d+ +error .*min-replicas/);
  });
});
