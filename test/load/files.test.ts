import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/pipeline.js';
import { specFile, system } from '../helpers/spec.js';
import { tempDir } from '../helpers/tmp.js';

const image = 'ghcr.io/acme/app:1.0.0';
const web = (files: object) => system({ web: { image, files } });

describe('files: {from} read at load time', () => {
  it('reports at the `from` a file that is missing, a folder, outside the spec folder (also through a link) or not UTF-8', async () => {
    const outside = tempDir().write('secret.txt', 'top secret');
    const dir = tempDir();
    mkdirSync(join(dir.dir, 'folder'));
    symlinkSync(outside, join(dir.dir, 'link.txt'));
    dir.write('latin1.txt', '');
    writeLatin1(join(dir.dir, 'latin1.txt'));
    const file = specFile(
      web({
        '/a': { from: './missing.conf' },
        '/b': { from: 'folder' },
        '/c': { from: '../x.conf' },
        '/d': { from: 'link.txt' },
        '/e': { from: '/etc/passwd' },
        '/f': { from: 'latin1.txt' },
      }),
      'system.json',
      dir.dir,
    );
    const { diagnostics } = await analyze(file);
    expect(
      diagnostics.map((d) => [
        d.rule,
        d.path,
        d.line !== undefined,
        d.message.replaceAll(dir.dir, 'DIR').replaceAll(outside, 'OUTSIDE'),
      ]),
    ).toEqual([
      ['file-source', '/services/web/files/~1a/from', true, 'names DIR/missing.conf, which does not exist'],
      ['file-source', '/services/web/files/~1b/from', true, 'names DIR/folder, which is a folder: give a file'],
      [
        'file-source',
        '/services/web/files/~1c/from',
        true,
        "points outside the spec's folder (DIR): move the file next to the spec",
      ],
      [
        'file-source',
        '/services/web/files/~1d/from',
        true,
        "is a link to OUTSIDE, outside the spec's folder: copy the file next to the spec",
      ],
      [
        'file-source',
        '/services/web/files/~1e/from',
        true,
        "is an absolute path: give it relative to the spec's folder (DIR)",
      ],
      [
        'file-source',
        '/services/web/files/~1f/from',
        true,
        'names DIR/latin1.txt, which hamesh cannot read: it is not valid UTF-8; save it as UTF-8',
      ],
    ]);
  });
});

/** Overwrites a file with Latin-1 bytes (not UTF-8). */
function writeLatin1(file: string): void {
  writeFileSync(file, Buffer.from([0x63, 0x61, 0x66, 0xe9]));
}
