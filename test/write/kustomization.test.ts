import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const { dir } = tempDir();
const hasKubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;

describe('--out is a kustomization', () => {
  const out = join(dir, 'shop');
  const built = runCli(['build', 'examples/shop/system.yaml', '--out', out]);

  it('lists every manifest file, and only those, in kustomization.yaml', () => {
    expect(built.code).toBe(0);
    const index = readFileSync(join(out, '.hamesh-outputs'), 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'));
    const kustomization = readFileSync(join(out, 'kustomization.yaml'), 'utf8');
    const resources = kustomization
      .split('\n')
      .filter((l) => l.startsWith('  - '))
      .map((l) => l.slice(4));
    expect(resources).toEqual(index.filter((f) => f !== 'kustomization.yaml' && f.endsWith('.yaml')).sort());
    expect(kustomization).toContain('kind: Kustomization');
  });

  it.skipIf(!hasKubectl)('is accepted by `kubectl kustomize`, with every object of the manifest stream', () => {
    const kustomized = spawnSync('kubectl', ['kustomize', out], { encoding: 'utf8', timeout: 60_000 });
    expect(kustomized.status, kustomized.stderr).toBe(0);
    const stream = runCli(['build', 'examples/shop/system.yaml']).stdout;
    const kinds = (text: string) => text.match(/^kind: \S+$/gm)!.sort();
    expect(kinds(kustomized.stdout)).toEqual(kinds(stream));
  });
});
