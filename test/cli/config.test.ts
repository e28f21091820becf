import { cpSync, existsSync, mkdirSync } from 'node:fs';
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

  it('build takes one spec: a glob naming two is a usage error', () => {
    const { root } = project('{}\n');
    cpSync(shopYaml, join(root, 'specs', 'copy.yaml'));
    const result = runCli(['build', 'specs/*.yaml'], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('build takes one spec, but specs/*.yaml names 2: specs/copy.yaml, specs/shop.yaml');
  });
});
