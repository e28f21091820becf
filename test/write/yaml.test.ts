import fc from 'fast-check';
import { dump } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { dumpOptions, toYaml } from '../../src/write/yaml.js';

const reference = (value: unknown) => dump(value, dumpOptions);

/** Strings YAML readers take for something else, or that need quoting or a block style. */
const tricky = fc.constantFrom(
  '',
  ' ',
  'yes',
  'No',
  'ON',
  'off',
  'y',
  'null',
  '~',
  'true',
  'False',
  '1e3',
  '0755',
  '0o17',
  '0x1F',
  '0x1_F',
  '1_000',
  '2024_01_15',
  '2024-01-15',
  '12:30:45',
  '1:20',
  '.inf',
  '-.NaN',
  '.5',
  '+1',
  '-',
  '- a',
  ': b',
  'a: b',
  '#c',
  'a #b',
  '&anchor',
  '*alias',
  '!tag',
  '%TAG',
  '@x',
  '`x',
  "'q'",
  '"q"',
  '{a}',
  '[b]',
  'a,b',
  '?',
  '? x',
  '|',
  '>',
  'line\nbreak',
  'trailing\n',
  ' lead',
  'trail ',
  'tab\there',
  'é ü 漢字',
  '\u0085',
  '\ufeffbom',
  'x'.repeat(1100),
  '=',
  '<<',
  'a\u2028b',
);
const text = fc.oneof(
  tricky,
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.stringMatching(/^[a-z0-9.\-/_:]{1,12}$/),
  // the words toYaml writes without asking js-yaml (yaml.ts: plainWord)
  fc.stringMatching(/^[A-Za-z][A-Za-z0-9._/-]{0,12}$/),
);
const scalar = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(-0));
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('list'), tie('map')),
  list: fc.array(tie('node'), { maxLength: 4 }),
  map: fc.dictionary(text, tie('node'), { maxKeys: 5 }),
})).node;

describe('toYaml', () => {
  it('writes the same bytes as js-yaml dump for random JSON-shaped documents', () => {
    fc.assert(
      fc.property(fc.dictionary(text, value, { maxKeys: 6 }), (document) => {
        expect(toYaml(document)).toBe(reference(document));
      }),
      { numRuns: 3000 },
    );
  });

  it('writes names and words as js-yaml does, quoting those a reader would retype', () => {
    const word = fc.oneof(
      fc.stringMatching(/^[A-Za-z][A-Za-z0-9._/-]{0,20}$/),
      fc.constantFrom('y', 'N', 'yes', 'Off', 'null', 'NULL', 'True', 'NaN', 'Infinity', 'e3', 'x:y', 'a/b.c-d_e'),
    );
    fc.assert(
      fc.property(word, word, (key, value) => {
        expect(toYaml({ [key]: value, list: [value] })).toBe(reference({ [key]: value, list: [value] }));
      }),
      { numRuns: 5000 },
    );
  });

  it('writes the same bytes for objects shaped like manifests', () => {
    const manifest = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {
        name: 'orders',
        labels: { 'app.kubernetes.io/name': 'orders', version: '2024_01_15' },
        annotations: {},
      },
      spec: {
        replicas: 3,
        template: {
          spec: {
            containers: [{ name: 'orders', ports: [{ containerPort: 8080 }], args: ['--x', 'yes', ''], env: [] }],
          },
        },
        nested: [[1, [2, { a: null }]], { '': 'empty key' }],
        config: 'multi\nline\n',
      },
    };
    expect(toYaml(manifest)).toBe(reference(manifest));
  });

  it('leaves values that are not JSON data to js-yaml', () => {
    for (const document of [{ a: undefined, b: 1 }, { at: new Date(0) }, { list: [undefined] }])
      expect(toYaml(document)).toBe(reference(document));
    expect(() => toYaml({ f: () => 1 })).toThrow(/unacceptable kind/);
  });
});
