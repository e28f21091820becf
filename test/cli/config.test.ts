import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { shopYaml } from '../helpers/spec.js';
import { tempDir } from '../helpers/tmp.js';

/** A project folder: the shop spec in specs/, a config written by `config`, and a subfolder to run from. */
function project(config: string, name = 'hamesh.config.yaml') {
  const dir = tempDir();
  mkdirSync(join(dir.dir, 'specs'));
  mkdirSync(join(dir.dir, 'sub', 'deeper'), { recursive: true });
  cpSync(shopYaml, join(dir.dir, 'specs', 'shop.yaml'));
  dir.write(name, config);
  return { root: dir.dir, cwd: join(dir.dir, 'sub', 'deeper') };
}

describe('hamesh.config discovery', () => {
  it('is found from the working directory upward: specs, targets and out', () => {
    const { root, cwd } = project('specs: specs/\ntargets: [kubernetes]\nout: deploy\n');
    expect(runCli(['validate'], { cwd })).toMatchObject({ code: 0, stdout: '../../specs/shop.yaml: valid\n' });
    const built = runCli(['build'], { cwd });
    expect(built.code).toBe(0);
    expect(built.stdout).toContain('wrote ../../deploy:');
    expect(existsSync(join(root, 'deploy', 'manifests', 'services', 'cart', 'kubernetes.yaml'))).toBe(true);
    expect(existsSync(join(root, 'deploy', 'manifests', 'services', 'cart', 'istio.yaml'))).toBe(false); // targets: [kubernetes]
    expect(runCli(['build', '--check'], { cwd }).code).toBe(0);
  });

  it('flags override it: a FILE argument, --target, --out', () => {
    const { root, cwd } = project('specs: nowhere/*.yaml\ntargets: [kubernetes]\nout: deploy\n');
    const built = runCli(['build', '../../specs/shop.yaml', '--target', 'istio', '--out', 'mine'], { cwd });
    expect(built.code).toBe(0);
    expect(existsSync(join(cwd, 'mine', 'manifests', 'services', 'cart', 'istio.yaml'))).toBe(true);
    expect(existsSync(join(root, 'deploy'))).toBe(false);
  });

  it('reads TypeScript and JSON configs; the policy it names is the --policy floor', () => {
    const { cwd } = project("export default { specs: ['specs/shop.yaml'], policy: 'org.yaml' };\n", 'hamesh.config.ts');
    const root = join(cwd, '..', '..');
    cpSync(new URL('../../examples/hamesh.policy.yaml', import.meta.url), join(root, 'org.yaml'));
    const linted = runCli(['lint', '--format', 'json'], { cwd });
    expect(linted.stderr).toBe('');
    expect(JSON.parse(linted.stdout).diagnostics.length).toBeGreaterThanOrEqual(0);
    const json = project('{"specs": ["specs/shop.yaml"]}', 'hamesh.config.json');
    expect(runCli(['validate'], { cwd: json.cwd }).code).toBe(0);
  });

  it('a bad config is unusable input (exit 2), every problem located in it', () => {
    const { cwd } = project('specs: specs/\nout: 3\nspecz: x\n');
    const result = runCli(['lint'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      [
        '../../hamesh.config.yaml:2:1: error: /out must be a string, or an object',
        "../../hamesh.config.yaml:3:1: error: /specz 'specz' is not a known key (did you mean 'specs'?); allowed: $schema, specs, policy, targets, out",
        '',
      ].join('\n'),
    );
  });

  it('no FILE and no config: a usage error saying how to give one', () => {
    const { dir } = tempDir();
    const result = runCli(['lint'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'no spec given: name one (a file, folder or glob), or list them as `specs:` in a hamesh.config file',
    );
  });
});

describe('folders and globs wherever a spec file is', () => {
  it('a folder means every hamesh spec under it (not its policies or generated manifests)', () => {
    const { root } = project('{}\n');
    cpSync(new URL('../../examples/hamesh.policy.yaml', import.meta.url), join(root, 'specs', 'org.policy.yaml'));
    const result = runCli(['validate', 'specs'], { cwd: root });
    expect(result).toMatchObject({ code: 0, stdout: 'specs/shop.yaml: valid\n' });
  });

  it('a glob expands to the spec files it matches; one matching nothing is unusable input', () => {
    const { root } = project('{}\n');
    cpSync(shopYaml, join(root, 'specs', 'copy.yaml'));
    expect(runCli(['validate', 'specs/*.yaml'], { cwd: root })).toMatchObject({ code: 0, stdout: '2 files: valid\n' });
    const none = runCli(['lint', 'nowhere/**/*.yaml'], { cwd: root });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('nowhere/**/*.yaml: error: the pattern matches no spec file');
  });

  it('a file whose name holds glob characters is that file, not a pattern', () => {
    const { root } = project('{}\n');
    cpSync(shopYaml, join(root, 'specs', 'shop[v2].yaml'));
    cpSync(shopYaml, join(root, 'specs', 'shopv.yaml'));
    const result = runCli(['validate', 'specs/shop[v2].yaml'], { cwd: root });
    expect(result).toMatchObject({ code: 0, stdout: 'specs/shop[v2].yaml: valid\n' });
  });

  it('build takes one spec: a glob naming two is a usage error', () => {
    const { root } = project('{}\n');
    cpSync(shopYaml, join(root, 'specs', 'copy.yaml'));
    const result = runCli(['build', 'specs/*.yaml'], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('build takes one spec, but specs/*.yaml names 2: specs/copy.yaml, specs/shop.yaml');
  });
});

describe('--config FILE and --no-config', () => {
  it('--config reads that file, from any working directory, instead of the one discovery would find', () => {
    const { root, cwd } = project('specs: nowhere.yaml\n');
    const ci = join(root, 'ci.yaml');
    writeFileSync(ci, 'specs: specs/\ntargets: [kubernetes]\nout: deploy-ci\n');
    expect(runCli(['validate'], { cwd }).code).toBe(2); // the discovered config names nothing
    expect(runCli(['validate', '--config', ci], { cwd })).toMatchObject({
      code: 0,
      stdout: '../../specs/shop.yaml: valid\n',
    });
    const elsewhere = tempDir().dir;
    const built = runCli(['build', '-c', ci], { cwd: elsewhere });
    expect(built.code, built.stderr).toBe(0);
    // Its paths are relative to it, wherever the command runs.
    expect(existsSync(join(root, 'deploy-ci', 'manifests', 'services', 'cart', 'kubernetes.yaml'))).toBe(true);
    expect(existsSync(join(root, 'deploy-ci', 'manifests', 'services', 'cart', 'istio.yaml'))).toBe(false);
    expect(runCli(['graph', '--config', ci], { cwd: elsewhere }).stdout).toMatch(/^flowchart LR\n/);
  });

  it('--no-config ignores every config: its specs, policy, targets and out', () => {
    const { root, cwd } = project('specs: specs/\ntargets: [kubernetes]\nout: deploy\npolicy: missing.yaml\n');
    const none = runCli(['lint', '--no-config'], { cwd });
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(
      'hamesh: no spec given: name one (a file, folder or glob), or list them as `specs:` in a hamesh.config file\n',
    );
    const streamed = runCli(['build', '../../specs/shop.yaml', '--no-config'], { cwd });
    expect(streamed.code, streamed.stderr).toBe(0);
    expect(streamed.stdout).toContain('kind: VirtualService'); // every target, not the config's
    expect(existsSync(join(root, 'deploy'))).toBe(false); // stdout, not the config's out
    const diffed = runCli(['diff', '../../specs/shop.yaml', '../../specs/shop.yaml', '--no-config'], { cwd });
    expect(diffed.code, diffed.stderr).toBe(0);
  });

  it('a --config that cannot be used is unusable input (exit 2)', () => {
    const { dir } = tempDir();
    const missing = runCli(['validate', '--config', 'nope.yaml'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^nope\.yaml: error: cannot read the config file/);
    writeFileSync(join(dir, 'settings.txt'), 'specs: x\n');
    const unsupported = runCli(['lint', '--config', 'settings.txt'], { cwd: dir });
    expect(unsupported.code).toBe(2);
    expect(unsupported.stderr).toMatch(/^settings\.txt: error: --config: a config file is \.ts, /);
  });

  it('every command that reads hamesh.config offers both', () => {
    for (const command of ['validate', 'lint', 'build', 'diff', 'graph']) {
      const help = runCli([command, '--help']).stdout;
      expect(help, command).toContain('-c, --config <file>');
      expect(help, command).toContain('--no-config');
    }
  });
});
