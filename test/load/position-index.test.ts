import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_SCHEMA } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { isMap, isSeq, LineCounter, type Node, type Pair, parseDocument } from 'yaml';
import { pointerSegments } from '../../src/diagnostics/diagnostic.js';
import { loadWithPositions } from '../../src/load/position-index.js';
import { loadYamlText } from '../../src/load/yaml.js';

/** The reference: the `yaml` library's document, walked as hamesh located pointers before the index. */
function reference(text: string) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
  const offsetOf = (pointer: string): number | undefined => {
    let node: unknown = doc.contents;
    let offset = (node as Node | null)?.range?.[0];
    for (const segment of pointerSegments(pointer)) {
      if (isMap(node)) {
        const pair = node.items.find((p: Pair) => String((p.key as { value?: unknown } | null)?.value) === segment);
        if (!pair) break;
        offset = (pair.key as Node).range?.[0] ?? offset;
        node = pair.value;
      } else if (isSeq(node)) {
        const item = node.items[Number(segment)];
        if (item === undefined || !/^\d+$/.test(segment)) break;
        offset = (item as Node).range?.[0] ?? offset;
        node = item;
      } else break;
    }
    return offset;
  };
  const locate = (pointer: string) => {
    const offset = offsetOf(pointer);
    if (offset === undefined) return undefined;
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  return { offsetOf, locate };
}

/** Every pointer into `data`, each with a missing child and an out-of-range index next to it. */
function pointers(data: unknown, path = ''): string[] {
  const own = [path, `${path}/no-such-key`, `${path}/99999`, `${path}/0/deeper`];
  if (data === null || typeof data !== 'object') return own;
  const entries = Array.isArray(data) ? data.map((v, i) => [String(i), v] as const) : Object.entries(data);
  return [
    ...own,
    ...entries.flatMap(([key, value]) => pointers(value, `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`)),
  ];
}

/**
 * The index gives the reference's offset wherever it answers (everywhere, when `complete`), and a loaded spec's
 * `locate` (the index, or the `yaml` library where it does not answer) gives the reference's line and column.
 */
function expectSameAsReference(text: string, complete: boolean, format: 'yaml' | 'json' = 'yaml'): number {
  const { data, index } = loadWithPositions(text, { schema: CORE_SCHEMA });
  const loaded = loadYamlText(`spec.${format}`, text, format);
  const expected = reference(text);
  let answered = 0;
  const all = pointers(data);
  for (const pointer of all) {
    const offset = index?.offsetOf(pointer);
    if (offset !== undefined) {
      answered++;
      expect([pointer, offset]).toEqual([pointer, expected.offsetOf(pointer)]);
    }
    expect([pointer, loaded.locate(pointer)]).toEqual([pointer, expected.locate(pointer)]);
  }
  if (complete) expect(answered).toBe(all.length);
  return answered;
}

const tricky: Record<string, string> = {
  'flow collections over lines': 'a: { b: 1, "c" : [x, {d: 2}],\n  e: [ ] }\nf: [1,\n  2, {g: h}]\n',
  'comments everywhere':
    '# head\na: # after key\n  # before value\n  b: 1 # tail\n\n  c:\n    # lead\n    - x\n    -   y\n',
  'CRLF line ends': 'a:\r\n  b: 1\r\n  c:\r\n    - x\r\n    - y: 2\r\n',
  'byte-order mark': '\ufeffa:\n  b: [1, 2]\n',
  'block scalars': 'a: |\n  one\n  two\nb: >-\n  folded\n  text\nc:\n  - |\n    in a list\n  - d\n',
  'multi-line plain and quoted scalars': 'a: one\n  two\nb: "x\n  y"\nc: d\n',
  'empty values': 'a:\nb: ~\nc:\n  d:\ne: 1\n',
  'sequence at the key’s indent': 'a:\n- x\n- y: 1\n  z: 2\nb: c\n',
  'nested sequences': 'a:\n  - - 1\n    - 2\n  - - [3, 4]\n',
  'scalar keys of other types': '1: one\ntrue: yes\n~: nothing\n0x1F: hex\n2.50: f\n"quoted key": q\n\'single\': s\n',
  'keys with spaces and symbols': 'a b: 1\n"a/b~c": 2\nd:   e\n',
  'astral characters before a key': 'a: "😀😀"\nb: 😀\nc:\n  d: 1\n',
  'document markers and directives': '%YAML 1.2\n---\na: 1\nb:\n  - c\n...\n',
  'explicit keys (left to the yaml library)': '? a\n: 1\n? b\n: - x\nc: 2\n',
  'tags (left to the yaml library)': 'a: !!str 1\nb: !!map\n  c: 1\nd:\n  - !!str 2\n',
  'empty sequence items (left to the yaml library)': 'a:\n  -\n  - x\n  - \nb: [x]\n',
  'pairs in a flow sequence (left to the yaml library)': 'a: [b: 1, c]\n',
  'a top-level sequence': '- a: 1\n- [b]\n- c\n',
  'a top-level scalar': 'just text\n',
  'only comments': '# nothing here\n',
  'tabs after values': 'a:\t1\nb: [1,\t2]\t\nc:\n  d: x\t# c\n',
  'a complex key': '[a, b]: 1\nc: 2\n',
};

const examples = join(import.meta.dirname, '../../examples');

describe('the position index', () => {
  for (const [name, text] of Object.entries(tricky)) {
    it(`locates every pointer as the yaml library's document does: ${name}`, () => {
      expectSameAsReference(text, !/yaml library|top-level scalar|only comments|complex key/.test(name));
    });
  }

  it("locates every pointer of every bundled YAML example as the yaml library's document does", () => {
    const files = readdirSync(examples, { recursive: true, encoding: 'utf8' }).filter((f) => /\.ya?ml$/.test(f));
    expect(files.length).toBeGreaterThan(3);
    let checked = 0;
    for (const file of files) {
      const text = readFileSync(join(examples, file), 'utf8');
      if (/(?:^|[\s[{,:-])&[^\s&*]/m.test(text)) continue; // anchors: the yaml library reads those itself
      checked += expectSameAsReference(text, true);
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it("locates every pointer of a JSON spec as the yaml library's document does (indented with spaces, tabs, or none)", () => {
    const data = loadYamlText(
      'spec.yaml',
      readFileSync(join(examples, 'online-boutique/system.yaml'), 'utf8'),
      'yaml',
    ).data;
    for (const indent of [2, '\t', undefined]) expectSameAsReference(JSON.stringify(data, null, indent), true, 'json');
  });

  it('indexes the plain block and flow shapes a spec is written in, and leaves the rest out', () => {
    const plain = loadWithPositions('a:\n  b: [1, {c: 2}]\n  "d": e\n', { schema: CORE_SCHEMA }).index!;
    expect(['', '/a', '/a/b', '/a/b/1/c', '/a/d'].map((p) => plain.offsetOf(p))).toEqual([0, 0, 5, 13, 22]);
    const tagged = loadWithPositions('a:\n  - !!str 1\n', { schema: CORE_SCHEMA }).index!;
    expect(tagged.offsetOf('/a')).toBe(0);
    expect(tagged.offsetOf('/a/0')).toBeUndefined();
    expect(loadWithPositions('', { schema: CORE_SCHEMA }).index).toBeUndefined();
  });
});
