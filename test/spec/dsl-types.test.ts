import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers/cli.js';

/** Compiler options of the project's tsconfig.json. */
function compilerOptions(): ts.CompilerOptions {
  const configFile = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile);
  return { ...ts.parseJsonConfigFileContent(configFile.config, ts.sys, root).options, noEmit: true };
}

/** Type-checks files; `replace` serves other text for a file (to compile it without its directives). */
function typeErrors(files: string[], replace?: Map<string, string>): ts.Diagnostic[] {
  const options = compilerOptions();
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => replace?.get(name) ?? readFile(name);
  const program = ts.createProgram(files, options, host);
  return ts.getPreEmitDiagnostics(program).filter((d) => d.file === undefined || files.includes(d.file.fileName));
}

const describeErrors = (diagnostics: readonly ts.Diagnostic[]) =>
  diagnostics.map((d) => {
    const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
    return `${d.file?.fileName}:${where ? where.line + 1 : '?'} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });

const fixtures = (folder: string) =>
  readdirSync(join(root, 'test/fixtures/types', folder)).map((name) => join(root, 'test/fixtures/types', folder, name));

describe('the TypeScript DSL, checked by the TypeScript compiler', () => {
  it('compiles the examples and valid fixtures clean', () => {
    const files = [
      join(root, 'examples/shop/system.ts'),
      join(root, 'examples/bookinfo/system.ts'),
      ...fixtures('valid'),
    ];
    expect(describeErrors(typeErrors(files))).toEqual([]);
  });

  it.each(fixtures('invalid'))('%s: every @ts-expect-error line is a real error, and only those lines', (file) => {
    // With the directives: no "unused @ts-expect-error" (TS2578), so each one suppressed an error.
    expect(describeErrors(typeErrors([file]))).toEqual([]);

    // Without them: errors fall exactly on the lines after the directives.
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    const expectedLines = lines.flatMap((line, index) => (line.includes('@ts-expect-error') ? [index + 2] : []));
    const stripped = lines.map((line) => (line.includes('@ts-expect-error') ? '' : line)).join('\n');
    const errors = typeErrors([file], new Map([[file, stripped]]));
    const errorLines = [...new Set(errors.map((d) => d.file!.getLineAndCharacterOfPosition(d.start!).line + 1))];
    expect(errorLines.sort((a, b) => a - b)).toEqual(expectedLines);
  });

  it('examples/broken.ts shows its wrong enum and unknown references as type errors on their own lines', () => {
    // TypeScript reports one excess or mismatched property per object literal, so `replicaz` (next to the
    // wrong `tier`) is only reported once `tier` is fixed; the fixtures above check each mistake alone.
    const errors = describeErrors(typeErrors([join(root, 'examples/broken.ts')])).join('\n');
    for (const [line, fragment] of [
      [13, '\'"gold"\''],
      [15, '\'"paymnts"\''],
      [21, "'string'"],
      [27, '\'"order.craeted"\''],
      [29, "'payment.completed'"],
    ] as const) {
      expect(errors).toContain(`broken.ts:${line} `);
      expect(errors).toContain(fragment);
    }
  });
});
