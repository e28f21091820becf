import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../src/load/load.js';
import { LoadError } from '../../src/load/source.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const { dir } = tempDir();
const spec = `export default { apiVersion: 'hamesh.dev/v1', kind: 'System', metadata: { name: 'x' }, services: { a: { image: 'a:1' } } };\n`;

async function loadFailure(name: string, text: string, timeoutMs?: number): Promise<string> {
  const file = join(dir, name);
  writeFileSync(file, text);
  const error = await loadSpec(file, { timeoutMs }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LoadError);
  return (error as LoadError).message;
}

describe('a TS/JS spec runs in a worker with a time limit (issue 9, item 7)', () => {
  it('an unhandled rejection is a load error, not a stack trace', async () => {
    expect(await loadFailure('reject.ts', `Promise.reject(new Error('boom'));\n${spec}`)).toBe(
      'the spec module left a promise rejection unhandled while loading: boom',
    );
  });

  it('an exported promise that never settles is a load error, not a silent exit 13', async () => {
    expect(await loadFailure('never.mts', 'export default new Promise(() => {});\n')).toMatch(
      /^the spec module never finished loading: a top-level await/,
    );
  });

  it('a top-level await is awaited (the module runs as ES module code)', async () => {
    const file = join(dir, 'await.ts');
    writeFileSync(
      file,
      `const n: number = await Promise.resolve(1);\nexport default { kind: 'System', replicas: n };\n`,
    );
    expect((await loadSpec(file)).data).toEqual({ kind: 'System', replicas: 1 });
  });

  it('a TypeScript syntax error is located in the spec, and a throw at its original line', async () => {
    expect(await loadFailure('syntax.ts', `const a: number = 1;\nconst b = {;\n${spec}`)).toMatch(
      /^cannot parse the spec module: /,
    );
    const file = join(dir, 'syntax.ts');
    const error = await loadSpec(file).catch((e: LoadError) => e);
    expect(error).toMatchObject({ diagnostic: { line: 2 } });
    const thrown = join(dir, 'thrown.ts');
    writeFileSync(
      thrown,
      `type T = {\n  a: number;\n};\nconst f = (): T => {\n  throw new Error('no');\n};\nexport default f();\n`,
    );
    expect(await loadSpec(thrown).catch((e: LoadError) => e)).toMatchObject({ diagnostic: { line: 5 } });
  });

  it('a TypeScript spec is TypeScript whatever the case of its extension', async () => {
    const file = join(dir, 'upper.TS');
    writeFileSync(file, `const n: number = 2;\nexport default { kind: 'System', replicas: n };\n`);
    expect((await loadSpec(file)).data).toEqual({ kind: 'System', replicas: 2 });
  });

  it('a spec split across TypeScript files imports them as ./x.js or without an extension', async () => {
    writeFileSync(join(dir, 'services.ts'), `export const svc: { image: string } = { image: 'a:1' };\n`);
    const file = join(dir, 'split.ts');
    writeFileSync(
      file,
      `import { defineSystem } from 'hamesh';\nimport { svc } from './services.js';\nimport * as again from './services';\nexport default defineSystem({ apiVersion: 'hamesh.dev/v1', kind: 'System', metadata: { name: 'x' }, services: { a: svc, b: again.svc } });\n`,
    );
    expect((await loadSpec(file)).data).toMatchObject({ services: { a: { image: 'a:1' }, b: { image: 'a:1' } } });
  });

  it('process.exit inside a spec ends nothing but the load', async () => {
    expect(await loadFailure('exit.ts', `process.exit(0);\n${spec}`)).toBe(
      'the spec module called process.exit(0) while loading: a spec must only export its data',
    );
  });

  it('a spec that loops is stopped at --timeout', async () => {
    expect(await loadFailure('loop.js', `while (true) {}\n${spec}`, 1000)).toBe(
      'the spec module did not finish loading within 1s (a loop that never ends?); raise --timeout if it needs longer',
    );
  });

  it('a thrown non-Error and a class instance are described, not printed as [object Object] or "a object"', async () => {
    expect(await loadFailure('throws.ts', `throw { code: 42 };\n${spec}`)).toBe(
      'the spec module threw while loading: {"code":42}',
    );
    expect(await loadFailure('instance.ts', `export default new Map();\n`)).toMatch(/but it is an instance of Map$/);
  });

  it('the CLI exits 2 with one line naming the file, and what the spec prints goes to stderr', () => {
    const exit = join(dir, 'exit-cli.ts');
    writeFileSync(exit, `process.exit(0);\n${spec}`);
    const run = runCli(['lint', exit]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `${exit}: error: the spec module called process.exit(0) while loading: a spec must only export its data\n`,
    );
    const chatty = join(dir, 'chatty.ts');
    writeFileSync(
      chatty,
      `console.log('hello');\n${spec.replace("image: 'a:1'", "image: 'a:1', probes: { readiness: '/ready' }")}`,
    );
    const built = runCli(['build', chatty, '--target', 'kubernetes']);
    expect(built.code).toBe(0);
    expect(built.stdout.startsWith('---\n')).toBe(true);
    expect(built.stderr).toContain('hello\n');
  });
});
