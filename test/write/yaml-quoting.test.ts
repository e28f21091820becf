import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { mustQuote } from '../../src/write/quote.js';
import { toYaml } from '../../src/write/yaml.js';

const readBack = (text: string, version: '1.1' | '1.2') => parse(text, { version });

/** Strings built from the characters that make YAML scalars numbers, booleans, nulls or timestamps. */
const scalarish = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'0123456789_:.-+eExXoObB'), maxLength: 12 }),
  fc.string({ unit: fc.constantFrom(...'0123456789-:TZ .'), minLength: 8, maxLength: 24 }),
  fc.constantFrom(
    'y',
    'Y',
    'n',
    'N',
    'yes',
    'No',
    'ON',
    'off',
    'True',
    '~',
    'null',
    'NULL',
    '.inf',
    '-.Inf',
    '.NaN',
    '<<',
    '=',
    '0x1_F',
    '1:20',
    '2024_01_15',
    '2024-01-15',
    '1e3',
    '0o17',
    '0b1_0',
  ),
  fc.string({ maxLength: 8 }),
);

describe('YAML output reads back as the same strings in YAML 1.1 and 1.2 readers (issue 9, item 11)', () => {
  it('the values kubectl retyped are quoted', () => {
    expect(
      toYaml({
        metadata: { labels: { version: '2024_01_15' } },
        tags: ['0x1_F', '1:20', 'yes', 'off', '~', '2024-01-15', '1.0.0'],
      }),
    ).toBe(
      "metadata:\n  labels:\n    version: '2024_01_15'\ntags:\n  - '0x1_F'\n  - '1:20'\n  - 'yes'\n  - 'off'\n  - '~'\n  - '2024-01-15'\n  - 1.0.0\n",
    );
  });

  it('property: every string, as a value and as a key, reads back unchanged', () => {
    fc.assert(
      fc.property(scalarish, (value) => {
        const document = { labels: { version: value, [value]: 'key' }, list: [value] };
        const text = toYaml(document);
        expect(readBack(text, '1.1')).toEqual(document);
        expect(readBack(text, '1.2')).toEqual(document);
      }),
      { numRuns: 1500 },
    );
  });

  it('mustQuote leaves ordinary words and versions alone (no needless quotes)', () => {
    for (const plain of [
      'v1',
      '1.0.0',
      'api',
      'ghcr.io/acme/app:1.2.0',
      'yesterday',
      'null-check',
      '12abc',
      '1.2.3-rc.1',
    ])
      expect(mustQuote(plain)).toBe(false);
  });
});
