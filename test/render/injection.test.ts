import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { TemplateEngine } from '../../src/render/engine.js';
import { manifestStream } from '../../src/write/files.js';
import { toYaml } from '../../src/write/yaml.js';
import { documentsOf, find } from '../helpers/render.js';
import { system } from '../helpers/spec.js';

const hostile = [
  'a: b',
  '# not a comment',
  '{x: 1}',
  'line\nbreak',
  '"quoted"',
  "it's",
  '- item',
  '*alias',
  '&anchor',
  '!tag',
  '---',
  '...',
  'yes',
  'null',
  '0x1F',
  '1e3',
  '',
  ' lead',
  '\u2028',
  '\u0085',
];

describe('hostile values cannot change the document structure', () => {
  it('keeps every hostile string one value through a template', () => {
    const engine = new TemplateEngine();
    for (const value of hostile) {
      const [doc] = engine.render('namespace.yaml.hbs', { name: value, labels: { [value]: value } });
      expect(doc).toEqual({
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: value, labels: { [value]: value } },
      });
    }
  });

  it('carries a hostile image reference through the whole build unchanged', async () => {
    const image = 'evil.io/x:1#{"a":1}:---\'"';
    const docs = await documentsOf(system({ api: { image } }));
    expect(find(docs, 'Deployment', 'api').spec.template.spec.containers[0].image).toBe(image);
    expect(parseAllDocuments(manifestStream(docs)).map((d) => d.toJS())).toEqual(docs.map((d) => d.value));
  });

  it('writes YAML that reads back as the same data, for any JSON value', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        expect(parse(toYaml(value))).toEqual(value);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...hostile), fc.string({ unit: 'binary' }))), (value) => {
        expect(parse(toYaml({ value }))).toEqual({ value });
      }),
      { numRuns: 300 },
    );
  });
});
