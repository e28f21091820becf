import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const shopYaml = join(root, 'examples/shop/system.yaml');
const bin = join(root, 'bin/hamesh.js');

describe('unusable inputs and outputs: exit 2 and one line (issue 9, items 8, 9, 15)', () => {
  it('a full disk on stdout is exit 2 with one line, not a stack trace', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const run = spawnSync(process.execPath, [bin, 'validate', shopYaml], {
        stdio: ['ignore', full, 'pipe'],
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(run.status).toBe(2);
      expect(run.stderr).toBe('hamesh: cannot write to standard output: no space left on the device\n');
    } finally {
      closeSync(full);
    }
  });

  it('a standard output that cannot be written (a folder, a read-only descriptor) is exit 2 with one line, never a silent exit 0', () => {
    const { dir } = tempDir();
    const readOnly = join(dir, 'read-only.txt');
    writeFileSync(readOnly, '');
    for (const [what, open] of [
      ['a folder', () => openSync(dir, 'r')],
      ['a read-only descriptor', () => openSync(readOnly, 'r')],
    ] as const) {
      const fd = open();
      try {
        for (const args of [['validate', shopYaml], ['--version']]) {
          const run = spawnSync(process.execPath, [bin, ...args], {
            stdio: ['ignore', fd, 'pipe'],
            encoding: 'utf8',
            timeout: 60_000,
          });
          expect(run.status, `${what}: hamesh ${args.join(' ')}`).toBe(2);
          expect(run.stderr).toBe(
            'hamesh: cannot write to standard output: it is not open for writing (a folder, a device or a read-only file descriptor)\n',
          );
        }
      } finally {
        closeSync(fd);
      }
    }
  });

  it('a closed standard output (>&-) behaves as > /dev/null: Node.js connects it to /dev/null before hamesh runs', () => {
    const closed = (spec: string) =>
      spawnSync('sh', ['-c', 'exec "$0" "$@" >&-', process.execPath, bin, 'validate', spec], {
        stdio: ['ignore', 'pipe', 'pipe'],
        encoding: 'utf8',
        timeout: 60_000,
      });
    const clean = closed(shopYaml);
    expect([clean.status, clean.stderr]).toEqual([0, '']);
    const broken = closed(join(root, 'examples/broken.yaml'));
    expect([broken.status, broken.stderr]).toEqual([1, '']);
  });

  it('--policy that is a FIFO or a device, a template that is a folder or a FIFO: named, never read', () => {
    const { dir } = tempDir();
    const fifo = join(dir, 'policy.yaml');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const zero = join(dir, 'zero.yaml');
    symlinkSync('/dev/zero', zero);
    for (const policy of [fifo, zero]) {
      const run = runCli(['lint', '--policy', policy, shopYaml]);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        `${policy}: error: cannot read it: it is not a regular file (a FIFO, a socket or a device); give a file\n`,
      );
    }
    const templates = join(dir, 'templates');
    mkdirSync(join(templates, 'deployment.yaml.hbs'), { recursive: true });
    const folder = runCli(['build', shopYaml, '--target', 'kubernetes', '--templates', templates]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(/deployment\.yaml\.hbs.*cannot read it: it is a folder; give a file\n$/);
    expect(folder.stderr).not.toMatch(/EISDIR|internal error/);
  });

  it('a UTF-16 spec is named as such, not "must be an object" at 1:1', () => {
    const file = join(tempDir().dir, 'system.yaml');
    writeFileSync(
      file,
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('apiVersion: hamesh.dev/v1\n', 'utf16le')]),
    );
    const run = runCli(['validate', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`${file}: error: cannot read it: it is encoded in UTF-16LE; save it as UTF-8\n`);
  });
});

describe('a file that cannot be checked stops only itself (issue 9, item 10)', () => {
  it('a JSON spec nested 100,000 deep, a YAML alias bomb and an event schema nested 1,000 deep are located; the other files are still checked', () => {
    const folder = tempDir();
    const deepList = folder.write(
      'deep-list.json',
      `{"apiVersion": "hamesh.dev/v1", "x": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
    );
    let schema: object = { type: 'string' };
    for (let i = 0; i < 1000; i++) schema = { type: 'object', properties: { a: schema } };
    const deepSchema = folder.write(
      'deep-schema.json',
      JSON.stringify({
        apiVersion: 'hamesh.dev/v1',
        kind: 'System',
        metadata: { name: 'x' },
        services: { a: { image: 'a:1' } },
        events: { 'e.x': { schema } },
      }),
    );
    const levels = Array.from(
      { length: 10 },
      (_, i) => `l${i + 1}: &l${i + 1} [${Array(10).fill(`*l${i}`).join(', ')}]`,
    );
    const aliasBomb = folder.write(
      'alias-bomb.yaml',
      `apiVersion: hamesh.dev/v1\nl0: &l0 [lol]\n${levels.join('\n')}\n`,
    );
    const broken = join(root, 'examples/broken.yaml');
    const run = runCli(['validate', deepList, aliasBomb, deepSchema, broken]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `${deepList}: error: cannot parse JSON: it nests 100001 levels deep, too deep to read\n` +
        `${aliasBomb}: error: cannot expand YAML aliases: Excessive alias count indicates a resource exhaustion attack; write the repeated values out or use fewer aliases\n`,
    );
    expect(run.stdout).toMatch(
      /deep-schema\.json:1:\d+\s+error\s+\/events\/e\.x\/schema is nested \d+ levels deep; hamesh checks payload schemas up to 500 levels/,
    );
    expect(run.stdout).toContain('examples/broken.yaml:');
  });
});
