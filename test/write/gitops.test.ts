import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, parseAllDocuments } from 'yaml';
import { root, runCli } from '../helpers/cli.js';
import { shopVersion } from '../helpers/spec.js';
import { tempDir } from '../helpers/tmp.js';

const hasKubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;
const everyTarget = ['--target', 'namespace,kubernetes,istio,kafka,nats,asyncapi'];

/** The shop with NATS permissions too (broker.auth), so every kind of file the build writes is there. */
const shopWithAuth = () => shopVersion((spec) => Object.assign(spec.broker, { auth: 'tls' }));

const indexOf = (out: string) =>
  readFileSync(join(out, '.hamesh-outputs'), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'));

/** `Kind namespace/name` of every object in a YAML stream, sorted. */
const objects = (stream: string) =>
  parseAllDocuments(stream)
    .map((d) => d.toJS() as { kind: string; metadata: { name: string; namespace?: string } } | null)
    .filter((o) => o !== null)
    .map((o) => `${o.kind} ${o.metadata.namespace ?? ''}/${o.metadata.name}`)
    .sort();

/**
 * Every object under `path` as kubectl itself reads the files of `kubectl apply -R -f` (same file selection and
 * decoding), offline: `kubectl label --local` needs no cluster. One `Kind namespace/name` line per object.
 */
const kubectlDecode = (path: string) =>
  spawnSync(
    'kubectl',
    [
      'label',
      '--local',
      '-R',
      '-f',
      path,
      'hamesh.dev/checked=yes',
      '-o',
      'jsonpath={.kind} {.metadata.namespace}/{.metadata.name}{"\\n"}',
    ],
    { encoding: 'utf8', timeout: 60_000 },
  );

describe('--out is GitOps-ready: a kustomization, and a manifest tree of objects only', () => {
  const { dir } = tempDir();
  const spec = shopWithAuth();
  const out = join(dir, 'shop');
  const built = runCli(['build', spec, ...everyTarget, '--out', out]);
  const stream = runCli(['build', spec, ...everyTarget]).stdout;

  it('puts every object under manifests/ and every other file outside it; kustomization.yaml lists exactly those', () => {
    expect(built.code, built.stderr).toBe(0);
    const index = indexOf(out);
    const manifests = index.filter((f) => f.startsWith('manifests/'));
    const others = index.filter((f) => !f.startsWith('manifests/')).sort();
    expect(others).toEqual(
      [
        'asyncapi.yaml',
        'kustomization.yaml',
        'nats/permissions.json',
        ...index.filter((f) => /^nats\/(streams|consumers)\/.+\.json$/.test(f)),
      ].sort(),
    );
    expect(manifests).toContain('manifests/nats/permissions.yaml');
    expect(manifests.every((f) => f.endsWith('.yaml'))).toBe(true);
    const kustomization = parseYaml(readFileSync(join(out, 'kustomization.yaml'), 'utf8'));
    expect(kustomization).toEqual({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: [...manifests].sort(),
    });
    // Together, the manifest files hold exactly the objects of the stdout stream.
    const inTree = manifests.map((f) => readFileSync(join(out, f), 'utf8')).join('');
    expect(objects(inTree)).toEqual(objects(stream));
  });

  it.skipIf(!hasKubectl)('`kubectl kustomize DIR` takes the folder as it is, with every object of the stream', () => {
    const kustomized = spawnSync('kubectl', ['kustomize', out], { encoding: 'utf8', timeout: 60_000 });
    expect(kustomized.status, kustomized.stderr).toBe(0);
    expect(objects(kustomized.stdout)).toEqual(objects(stream));
  });

  it.skipIf(!hasKubectl)('`kubectl … -R -f DIR/manifests` decodes every file there as Kubernetes objects', () => {
    const decoded = kubectlDecode(join(out, 'manifests'));
    expect(decoded.status, decoded.stderr).toBe(0);
    expect(decoded.stdout.trim().split('\n').sort()).toEqual(objects(stream));
    // The check is real: the whole folder, with the NATS JSON and the catalog, is refused.
    const whole = kubectlDecode(out);
    expect(whole.status).not.toBe(0);
    expect(whole.stderr).toMatch(/unable to decode ".*asyncapi\.yaml": Object 'Kind' is missing/);
    expect(whole.stderr).toMatch(/unable to decode ".*nats\/permissions\.json"/);
  });
});

describe('a folder written with the earlier layout (everything at the top) is moved by the next build', () => {
  /** The earlier layout of `out`: manifests/X at X, with the index and the kustomization saying so. */
  function toEarlierLayout(out: string): void {
    const index = indexOf(out);
    for (const file of index.filter((f) => f.startsWith('manifests/'))) {
      const earlier = join(out, file.slice('manifests/'.length));
      mkdirSync(dirname(earlier), { recursive: true });
      renameSync(join(out, file), earlier);
    }
    const emptyFolders = (folder: string): void => {
      for (const entry of readdirSync(folder, { withFileTypes: true }))
        if (entry.isDirectory()) emptyFolders(join(folder, entry.name));
      if (readdirSync(folder).length === 0) rmdirSync(folder);
    };
    emptyFolders(join(out, 'manifests'));
    const unprefix = (text: string) => text.replaceAll('manifests/', '');
    for (const file of ['.hamesh-outputs', 'kustomization.yaml'])
      writeFileSync(join(out, file), unprefix(readFileSync(join(out, file), 'utf8')));
  }

  it('removes every file the old index lists (and the folders left empty), never a file it does not own', () => {
    const { dir } = tempDir();
    const spec = shopWithAuth();
    const out = join(dir, 'deploy');
    expect(runCli(['build', spec, ...everyTarget, '--out', out]).code).toBe(0);
    const files = indexOf(out).length;
    toEarlierLayout(out);
    expect(existsSync(join(out, 'manifests'))).toBe(false);
    // The user's own files: one beside an old output, one taken over (marker removed), one at the top.
    writeFileSync(join(out, 'services/cart/NOTES.md'), 'ours\n');
    const taken = join(out, 'services/payments/istio.yaml');
    writeFileSync(taken, readFileSync(taken, 'utf8').replace(/^# Generated by hamesh[^\n]*\n/, '# ours now\n'));
    writeFileSync(join(out, 'README.md'), 'ours\n');

    const check = runCli(['build', spec, ...everyTarget, '--out', out, '--check']);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(
      /services\/cart\/kubernetes\.yaml\s+error\s+is a file hamesh wrote that the build no longer produces/,
    );
    const moved = runCli(['build', spec, ...everyTarget, '--out', out]);
    expect(moved.code, moved.stderr).toBe(0);
    const earlierManifests = indexOf(out).filter((f) => f.startsWith('manifests/')).length;
    // Every manifest file is added anew; every earlier one but the taken-over file is removed.
    expect(moved.stdout).toContain(
      `wrote ${out}: ${files} files (${earlierManifests} added, 1 modified, ${earlierManifests - 1} stale removed)`,
    );
    expect(runCli(['build', spec, ...everyTarget, '--out', out, '--check']).code).toBe(0);
    expect(readFileSync(join(out, 'services/cart/NOTES.md'), 'utf8')).toBe('ours\n');
    expect(readFileSync(taken, 'utf8')).toMatch(/^# ours now\n/);
    expect(readFileSync(join(out, 'README.md'), 'utf8')).toBe('ours\n');
    // What is left at the top: the user's files, and the folders that still hold them.
    expect(readdirSync(join(out, 'services'), { recursive: true }).sort()).toEqual([
      'cart',
      'cart/NOTES.md',
      'payments',
      'payments/istio.yaml',
    ]);
    for (const gone of ['namespace', 'kafka', 'externals', 'nats/jetstream.yaml', 'nats/permissions.yaml'])
      expect(existsSync(join(out, gone)), gone).toBe(false);
    if (hasKubectl) {
      const kustomized = spawnSync('kubectl', ['kustomize', out], { encoding: 'utf8', timeout: 60_000 });
      expect(kustomized.status, kustomized.stderr).toBe(0);
    }
  });
});

describe('the Argo CD config-management plugin documented in the README', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const block = /<!-- argocd-plugin:start[^\n]*\n```yaml\n([\s\S]*?)```\n<!-- argocd-plugin:end -->/.exec(readme);
  const plugin = parseYaml(block?.[1] ?? '') as {
    apiVersion: string;
    kind: string;
    metadata: { name: string };
    spec: { discover: { fileName: string }; generate: { command: string[]; args?: string[] } };
  };

  it('is a ConfigManagementPlugin whose generate command prints the environment manifests on the example', () => {
    expect(plugin).toMatchObject({ apiVersion: 'argoproj.io/v1alpha1', kind: 'ConfigManagementPlugin' });
    // Argo CD runs the command in the Application's source folder, with `hamesh` on the PATH of the sidecar.
    const source = join(root, 'examples/environments');
    expect(existsSync(join(source, plugin.spec.discover.fileName))).toBe(true);
    const bin = tempDir().write(
      'hamesh',
      `#!/bin/sh\nexec "${process.execPath}" "${join(root, 'bin/hamesh.js')}" "$@"\n`,
    );
    chmodSync(bin, 0o755);
    const [command, ...rest] = plugin.spec.generate.command;
    const generate = (env: Record<string, string>) =>
      spawnSync(command!, [...rest, ...(plugin.spec.generate.args ?? [])], {
        cwd: source,
        encoding: 'utf8',
        timeout: 60_000,
        env: { PATH: `${dirname(bin)}:${process.env.PATH}`, NO_COLOR: '1', ...env },
      });
    for (const environment of ['dev', 'prod']) {
      const generated = generate({ ARGOCD_ENV_HAMESH_ENV: environment });
      expect(generated.status, generated.stderr).toBe(0);
      const expected = runCli(['build', 'examples/environments/system.yaml', '--env', environment]).stdout;
      expect(generated.stdout).toBe(expected);
      expect(objects(generated.stdout).length).toBeGreaterThan(0);
    }
    // Without the Application's env, the plugin builds prod.
    expect(generate({}).stdout).toBe(runCli(['build', 'examples/environments/system.yaml', '--env', 'prod']).stdout);
  });
});
