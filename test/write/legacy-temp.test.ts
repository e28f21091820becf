import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { legacyTempFiles } from '../../src/write/out-dir.js';
import { tempDir } from '../helpers/tmp.js';

describe('temporary files an old hamesh left beside its outputs', () => {
  it('are found in every folder the build writes to that exists, at any depth, and only there', () => {
    const { dir } = tempDir();
    mkdirSync(join(dir, 'manifests/services/api'), { recursive: true });
    mkdirSync(join(dir, 'elsewhere'));
    for (const file of [
      'kustomization.yaml.hamesh-tmp-1',
      'manifests/services/api/kubernetes.yaml.hamesh-tmp-22',
      'manifests/services/api/notes.txt',
      'elsewhere/x.yaml.hamesh-tmp-3',
    ])
      writeFileSync(join(dir, file), '');
    const paths = [
      'kustomization.yaml',
      'manifests/services/api/kubernetes.yaml',
      // Folders that do not exist yet, below an existing one and below a missing one.
      'manifests/services/web/kubernetes.yaml',
      'manifests/jobs/nightly/kubernetes.yaml',
    ];
    expect(legacyTempFiles(dir, paths)).toEqual([
      'kustomization.yaml.hamesh-tmp-1',
      'manifests/services/api/kubernetes.yaml.hamesh-tmp-22',
    ]);
  });

  it('are looked for through a folder link as before, and a file where a folder should be is no folder', () => {
    const { dir } = tempDir();
    mkdirSync(join(dir, 'real'));
    writeFileSync(join(dir, 'real/a.yaml.hamesh-tmp-4'), '');
    symlinkSync(join(dir, 'real'), join(dir, 'linked'));
    writeFileSync(join(dir, 'plain'), '');
    expect(legacyTempFiles(dir, ['linked/a.yaml', 'plain/b.yaml'])).toEqual(['linked/a.yaml.hamesh-tmp-4']);
  });
});
