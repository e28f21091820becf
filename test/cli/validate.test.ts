import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const tmp = tempDir();

describe('hamesh validate (as a process)', () => {
  it('exits 0 for a valid spec', () => {
    const result = runCli(['validate', 'examples/shop/system.ts', 'examples/shop/system.yaml']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('valid');
  });

  it('exits 1 and lists every located error for the broken examples', () => {
    const result = runCli(['validate', 'examples/broken.yaml', 'examples/broken.ts']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'examples/broken.yaml:16:5  error    /services/cart/replicas must be an integer >= 0',
    );
    expect(result.stdout).toContain(
      'examples/broken.ts:20:7  error    /services/cart/replicas must be an integer >= 0',
    );
    expect(result.stdout).toMatch(/✖ 24 problems \(24 errors, 0 warnings\)/);
  });

  it('prints exactly {diagnostics: [{rule, severity, message, path, file, line, column}]} with --format json', () => {
    const result = runCli(['validate', '--format', 'json', 'examples/broken.yaml']);
    expect(result.code).toBe(1);
    const { diagnostics } = JSON.parse(result.stdout) as { diagnostics: Array<Record<string, unknown>> };
    expect(diagnostics).toHaveLength(12);
    for (const d of diagnostics)
      expect(Object.keys(d)).toEqual(['rule', 'severity', 'message', 'path', 'file', 'line', 'column']);
    expect(diagnostics[4]).toEqual({
      rule: 'schema',
      severity: 'error',
      message: 'must be an integer >= 0',
      path: '/services/cart/replicas',
      file: 'examples/broken.yaml',
      line: 16,
      column: 5,
    });
  });

  it.each([
    ['malformed YAML', 'bad.yaml', 'services: [\n', /^.*bad\.yaml:2:1: error: cannot parse YAML: /],
    ['malformed JSON', 'bad.json', '{"services": {,}}', /^.*bad\.json:1:15: error: cannot parse JSON: /],
    [
      'a module that throws',
      'throws.ts',
      "const x = 1;\nthrow new Error('no config for you');\nexport default x;\n",
      /throws\.ts:2: error: the spec module threw while loading: no config for you/,
    ],
    [
      'a module without a default export',
      'nodefault.mjs',
      'export const spec = {};\n',
      /nodefault\.mjs: error: the spec module has no default export/,
    ],
    [
      'a duplicate YAML key',
      'dup.yaml',
      'kind: System\nkind: System\n',
      /dup\.yaml:2:1: error: cannot parse YAML: Map keys must be unique/,
    ],
  ])('exits 2 with one clear line for %s', (_name, file, text, pattern) => {
    const result = runCli(['validate', tmp.write(file, text)]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(pattern);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it.each([
    [
      'a function',
      'fn.ts',
      'export default () => ({});\n',
      /fn\.ts: error: the default export must be the spec object .* but it is a function$/,
    ],
    [
      'an array',
      'arr.mjs',
      'export default [1, 2];\n',
      /arr\.mjs: error: the default export must be the spec object .* but it is an array$/,
    ],
    [
      'a circular object',
      'circ.ts',
      'const a: Record<string, unknown> = {};\na.self = a;\nexport default a;\n',
      /circ\.ts: error: the spec cannot be read as plain data: Converting circular structure to JSON/,
    ],
    [
      'a syntax error, located exactly',
      'syntax.ts',
      'const x = {\n  a: 1,,\n};\nexport default x;\n',
      /syntax\.ts:2:8: error: cannot parse the spec module: Property assignment expected\.$/,
    ],
    [
      'a throw, at its line',
      'throw2.ts',
      'const unused = 1;\nthrow new Error("no config");\nexport default {};\n',
      /throw2\.ts:2: error: the spec module threw while loading: no config$/,
    ],
  ])('exits 2 with one clear line for a module whose default export is %s', (_name, file, text, pattern) => {
    const result = runCli(['validate', tmp.write(file, text)]);
    expect([result.code, result.stdout]).toEqual([2, '']);
    expect(result.stderr.trim()).toMatch(pattern);
  });

  it('awaits a default export that is a promise', () => {
    const spec =
      '{ apiVersion: "hamesh.dev/v1", kind: "System", metadata: { name: "p" }, services: { a: { image: "a:1" } } }';
    expect(runCli(['validate', tmp.write('promise.ts', `export default Promise.resolve(${spec});\n`)]).code).toBe(0);
  });

  it('goes on past an unusable file, reports it, and exits 2', () => {
    const text = runCli(['validate', 'examples/broken.yaml', 'no/such.yaml', 'examples/shop/system.yaml']);
    expect(text.code).toBe(2);
    expect(text.stderr).toBe('no/such.yaml: error: cannot read the file: it does not exist or is not readable\n');
    expect(text.stdout).toMatch(/✖ 12 problems \(12 errors, 0 warnings\)/);
    const json = runCli(['validate', '--format', 'json', 'examples/broken.yaml', 'no/such.yaml']);
    expect(json.code).toBe(2);
    const { diagnostics } = JSON.parse(json.stdout) as { diagnostics: Array<{ rule: string; file: string }> };
    expect(diagnostics).toHaveLength(13);
    expect(diagnostics[0]).toMatchObject({ rule: 'load', file: 'no/such.yaml' });
  });

  it('exits 2 for a missing file, an unsupported extension and an unknown option', () => {
    expect(runCli(['validate', 'no/such/file.yaml'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/does not exist/),
    });
    expect(runCli(['validate', tmp.write('spec.toml', '')])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/unsupported file type '.toml'/),
    });
    expect(runCli(['validate', '--bogus', 'x.yaml'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/unknown option '--bogus'/),
    });
    expect(runCli(['validate'], { cwd: tmp.dir })).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/no spec given: name one/),
    });
  });

  it('stops quietly when its reader goes away (`hamesh build … | head -1`)', async () => {
    const child = spawn(process.execPath, [join(root, 'bin/hamesh.js'), 'build', 'examples/shop/system.ts'], {
      cwd: root,
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
  });

  it('has --version and --help', () => {
    expect(runCli(['--version'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+\n$/) });
    expect(runCli(['--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('validate') });
    expect(runCli(['validate', '--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('--format') });
  });
});
