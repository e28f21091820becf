import { describe, expect, it } from 'vitest';
import { validate } from '../../src/validate/validate.js';
import { system } from '../helpers/spec.js';

const image = 'ghcr.io/acme/app:1.0.0';

describe('files at validate time', () => {
  it('reports a mount of an undeclared file, a file on a volume path, the reserved volume name and more than a ConfigMap holds', () => {
    const findings = validate(
      system({
        web: {
          image,
          files: { '/etc/app/app.conf': 'x', '/data': 'y' },
          volumes: { data: { path: '/data' }, 'hamesh-files': { path: '/z' } },
          init: [{ name: 'prep', image, mounts: { '/etc/app/ap.conf': '/x' } }],
        },
        big: { image, files: { '/a': 'x'.repeat(600_000), '/b': 'y'.repeat(600_000) } },
      }),
    ).diagnostics.map((d) => [d.rule, d.path, d.message]);
    expect(findings.sort()).toEqual([
      ['duplicate-mount', '/services/web/files/~1data', "is mounted at the path of volume 'data'"],
      [
        'duplicate-volume',
        '/services/web/volumes/hamesh-files',
        'has the name of the volume hamesh mounts `files` from: rename it',
      ],
      [
        'invalid-value',
        '/services/big/files',
        'hold 1200000 bytes in all, more than the 1 MiB a ConfigMap can: mount the larger ones from a volume instead',
      ],
      [
        'unknown-reference',
        '/services/web/init/0/mounts/~1etc~1app~1ap.conf',
        "refers to file '/etc/app/ap.conf', which 'web' does not declare in `files` (did you mean '/etc/app/app.conf'?)",
      ],
    ]);
  });
});
