import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { parse, parseAllDocuments, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { hasErrors } from '../../src/diagnostics/diagnostic.js';
import { environmentsToRun } from '../../src/environment/select.js';
import { loadSpec } from '../../src/load/load.js';
import { LoadError } from '../../src/load/source.js';
import { build } from '../../src/pipeline.js';
import { TemplateError } from '../../src/render/engine.js';
import { outputFiles } from '../../src/write/files.js';
import { root } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

/*
 * Bounded fuzzing of the whole pipeline (issue 9): the bundled examples, mutated (keys deleted or renamed, values of
 * the wrong type, hostile strings, prototype names, huge numbers, control characters), go through load → … → verify
 * in-process, and a few through the real CLI. Whatever the input: exit code 0, 1 or 2, never an internal error or a
 * stack trace, and every file a build writes reads back the same in a YAML 1.1 reader (kubectl's) and a 1.2 reader.
 * The seed is fixed, so a failure is reproducible; fast-check prints the shrunk case.
 */

const SEED = 20261129;
const IN_PROCESS_RUNS = 300;
const CLI_RUNS = 4;

const examples = [
  'examples/shop/system.yaml',
  'examples/online-boutique/system.yaml',
  'examples/environments/system.yaml',
  'examples/broken-ha.yaml',
  'examples/broken.yaml',
];
const seeds = examples.map((file) => parse(readFileSync(join(root, file), 'utf8')) as unknown);

type Path = Array<string | number>;
type Json = unknown;

/** Every path into a value (objects and arrays), in document order: the places a mutation can hit. */
function pathsOf(value: Json, at: Path = [], into: Path[] = []): Path[] {
  into.push(at);
  const entries = Array.isArray(value)
    ? value.entries()
    : value !== null && typeof value === 'object'
      ? Object.entries(value)
      : [];
  for (const [key, item] of entries) pathsOf(item, [...at, key], into);
  return into;
}

/** Sets an own property, even one named `__proto__` (plain assignment would replace the prototype instead). */
const setOwn = (target: object, key: string | number, value: Json) =>
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });

const prototypeNames = [
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'prototype',
  '__defineGetter__',
];
const hostileStrings = [
  ...prototypeNames,
  'yes',
  'off',
  '~',
  'null',
  '0x1_F',
  '2024_01_15',
  '1:20',
  '1e3',
  '.inf',
  '0o17',
  '=',
  '<<',
  '',
  '\u0000',
  '\u001b[2J\u001b[1;1Hvalid',
  'a\u202eb',
  '\u0085\u007f',
  'line\nbreak',
  'cr\rlf',
  '\t',
  'x\n---\nkind: Secret',
  "'; kind: Secret",
  '{{evil}}',
  '{{#each this}}x{{/each}}',
  '"quoted"',
  '# comment',
  '&anchor',
  '*alias',
  '!!binary',
  '%TAG',
  '../../etc/passwd',
  '/absolute',
  'UPPER_case',
  'ünïcødé',
  '🙂',
  'a'.repeat(5000),
];
const hostileNumbers = [0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, 2 ** 31, 65_536, 1e-9, Number.MAX_SAFE_INTEGER];

const hostileValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom(...hostileStrings),
  fc.constantFrom(...hostileNumbers),
  fc.constantFrom<Json>(true, false, null, [], {}, ['constructor'], { constructor: 1 }, [[]]),
  fc.string({ unit: fc.constantFrom(...'a-_.:/0\u0000\u001b\u202e\u00a0 \n'), maxLength: 12 }),
);

/** Strings a YAML 1.1 or 1.2 reader would retype if written plainly: put where strings are free (env values, labels, tags). */
const retypable = [
  'yes',
  'No',
  'on',
  'OFF',
  'y',
  '~',
  'null',
  '0x1_F',
  '2024_01_15',
  '1_000',
  '1:20',
  '0o17',
  '0b1_0',
  '1e3',
  '.inf',
  '-.NaN',
  '2024-01-15',
  '2024-01-15 10:00:00',
  '=',
  '<<',
  '012',
  '+1',
];

type Mutation =
  | { kind: 'delete'; at: number }
  | { kind: 'retype-string'; at: number; value: string }
  | { kind: 'replace'; at: number; value: Json }
  | { kind: 'rename'; at: number; name: string }
  | { kind: 'copy-as'; at: number; name: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  // Weighted so that about a third of the cases still build, and their output is checked.
  {
    arbitrary: fc.record({
      kind: fc.constant('retype-string' as const),
      at: fc.nat(),
      value: fc.constantFrom(...retypable),
    }),
    weight: 6,
  },
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: hostileValue }),
  fc.record({
    kind: fc.constant('rename' as const),
    at: fc.nat(),
    name: fc.constantFrom(...hostileStrings.filter((s) => s.length < 100)),
  }),
  // A sibling under a prototype name: a service, event or profile called `constructor`, `__proto__`, …
  fc.record({ kind: fc.constant('copy-as' as const), at: fc.nat(), name: fc.constantFrom(...prototypeNames) }),
);

/** Applies one mutation to a deep copy's node at a path picked from all of the document's paths. */
function mutate(document: Json, change: Mutation): Json {
  const all = pathsOf(document).filter((p) => p.length > 0);
  const strings = all.filter((p) => typeof p.reduce<any>((node, key) => node[key], document) === 'string');
  const paths = change.kind === 'retype-string' && strings.length > 0 ? strings : all;
  const path = paths[change.at % paths.length]!;
  const parent = path.slice(0, -1).reduce<any>((node, key) => node[key], document);
  const key = path[path.length - 1]!;
  if (change.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else if (change.kind === 'replace' || change.kind === 'retype-string') setOwn(parent, key, change.value);
  else if (Array.isArray(parent)) parent.splice(key as number, 1, change.name);
  else {
    const value = parent[key];
    if (change.kind === 'rename') delete parent[key];
    setOwn(parent, change.name, structuredClone(value));
  }
  return document;
}

/** A change to the text itself (the loaders' side: broken syntax, duplicate keys, stray bytes, a cut-off file). */
const textMutation = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('truncate', 'insert', 'duplicate-line'),
  insert: fc.constantFrom(
    '\t',
    ': :',
    '{',
    ']',
    '"',
    "'",
    '&a *a',
    '*undefined',
    '- ',
    '\u0000',
    '\ufeff',
    '\ud800',
    '\n  x: 1\n',
    '!!python/object:os.system ',
    '<<: *a',
    '%YAML 1.1\n---\n',
  ),
});
type TextMutation = typeof textMutation extends fc.Arbitrary<infer T> ? T : never;

function mutateText(text: string, change: TextMutation): string {
  const at = change.at % (text.length + 1);
  if (change.kind === 'truncate') return text.slice(0, at);
  if (change.kind === 'insert') return text.slice(0, at) + change.insert + text.slice(at);
  const lines = text.split('\n');
  const line = change.at % lines.length;
  return [...lines.slice(0, line + 1), ...lines.slice(line)].join('\n');
}

const testCase = fc.record({
  seed: fc.nat({ max: seeds.length - 1 }),
  mutations: fc.array(mutation, { minLength: 1, maxLength: 2 }),
  json: fc.boolean(),
  text: fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, { arbitrary: textMutation, weight: 1 }),
});
type Case = typeof testCase extends fc.Arbitrary<infer T> ? T : never;

/** The spec text of a case, as YAML or JSON (both loaders get hostile input). */
function specText({ seed, mutations, json, text }: Case): string {
  const document = mutations.reduce(mutate, structuredClone(seeds[seed]));
  const written = json ? JSON.stringify(document, null, 1) : stringify(document, { version: '1.2' });
  return text ? mutateText(written, text) : written;
}

/** Every file a YAML or JSON build writes, read by a YAML 1.1 and a 1.2 reader: the same data. */
function expectSameInYaml11And12(files: ReadonlyArray<{ path: string; content: string }>): void {
  for (const { path, content } of files) {
    if (path.endsWith('.json')) {
      expect(() => JSON.parse(content), path).not.toThrow();
      continue;
    }
    const read = (version: '1.1' | '1.2') =>
      parseAllDocuments(content, { version }).map((d) => ({ errors: d.errors.map((e) => e.message), data: d.toJS() }));
    const yaml12 = read('1.2');
    expect(
      yaml12.flatMap((d) => d.errors),
      path,
    ).toEqual([]);
    expect(read('1.1'), path).toEqual(yaml12);
  }
}

/** The CLI's `build --out` of a spec, in-process: its exit code and the files it would write. */
async function buildInProcess(
  file: string,
): Promise<{ code: 0 | 1 | 2; files: Array<{ path: string; content: string }> }> {
  try {
    const spec = await loadSpec(file);
    let code: 0 | 1 = 0;
    const files: Array<{ path: string; content: string }> = [];
    for (const environment of environmentsToRun(spec, undefined)) {
      const result = await build(spec, { verify: true, environment });
      if (!result.documents || hasErrors(result.diagnostics)) code = 1;
      else files.push(...outputFiles(result.documents).map((f) => ({ ...f, path: join(environment ?? '', f.path) })));
    }
    return { code, files };
  } catch (error) {
    // What the CLI reports as one line with exit code 2; anything else would be an internal error.
    if (error instanceof LoadError || error instanceof TemplateError) return { code: 2, files: [] };
    throw error;
  }
}

describe('fuzzing the examples through the pipeline (issue 9): exit codes 0/1/2, no crash, output the same in YAML 1.1 and 1.2', () => {
  const { dir, write } = tempDir();

  it(`${IN_PROCESS_RUNS} mutated specs in-process`, async () => {
    const codes = { 0: 0, 1: 0, 2: 0 };
    await fc.assert(
      fc.asyncProperty(testCase, async (c) => {
        const file = write(c.json ? 'case.json' : 'case.yaml', specText(c));
        const { code, files } = await buildInProcess(file);
        codes[code] += 1;
        expectSameInYaml11And12(files);
      }),
      { seed: SEED, numRuns: IN_PROCESS_RUNS },
    );
    // The mutations reach every outcome, so the property is not vacuous.
    expect(Math.min(codes[0], codes[1], codes[2]), JSON.stringify(codes)).toBeGreaterThan(IN_PROCESS_RUNS / 20);
  });

  it(`${CLI_RUNS} mutated specs through the CLI: the same exit code as in-process, one-line errors, no stack trace`, async () => {
    const cases = fc.sample(testCase, { seed: SEED, numRuns: CLI_RUNS });
    for (const [i, c] of cases.entries()) {
      const file = write(`cli-${i}.${c.json ? 'json' : 'yaml'}`, specText(c));
      const out = join(dir, `out-${i}`);
      const expected = await buildInProcess(file);
      const { HAMESH_ENV: _environment, ...env } = process.env;
      const run = spawnSync(process.execPath, [join(root, 'bin/hamesh.js'), 'build', file, '--out', out], {
        encoding: 'utf8',
        env: { ...env, NO_COLOR: '1' },
        timeout: 60_000,
      });
      expect(run.status, run.stderr).toBe(expected.code);
      expect(`${run.stdout}${run.stderr}`).not.toMatch(/internal error|^\s+at .+:\d+:\d+\)?$/m);
      if (run.status === 2) expect(run.stderr.trim().split('\n'), run.stderr).toHaveLength(1);
      if (run.status === 0) {
        const written = listFiles(out).filter((path) => !path.includes('.hamesh-'));
        expectSameInYaml11And12(written.map((path) => ({ path, content: readFileSync(join(out, path), 'utf8') })));
        expect(written.sort()).toEqual(expect.arrayContaining(expected.files.map((f) => f.path).sort()));
      }
      rmSync(out, { recursive: true, force: true });
    }
  });
});

function listFiles(folder: string, base = folder): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? listFiles(path, base) : [relative(base, path)];
  });
}
