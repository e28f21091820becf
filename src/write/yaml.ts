import { DEFAULT_SCHEMA, dump, Type } from 'js-yaml';
import { mustQuote } from './quote.js';

/**
 * js-yaml quotes a string when a type of its schema would resolve it; this type resolves exactly what mustQuote
 * finds (and represents nothing, having neither `predicate` nor `instanceOf`), so js-yaml also quotes what YAML 1.1
 * readers such as kubectl would retype (`2024_01_15`, `0x1_F`, `1:20`, `y`).
 */
const retyped = new Type('tag:hamesh.dev,2026:retyped', {
  kind: 'scalar',
  resolve: (data: unknown) => typeof data === 'string' && mustQuote(data),
});

/** js-yaml's options for every YAML hamesh writes. */
export const dumpOptions = {
  lineWidth: -1,
  noRefs: true,
  sortKeys: false,
  schema: DEFAULT_SCHEMA.extend({ implicit: [retyped] }),
} as const;
const options = dumpOptions;

/**
 * Block-style YAML for a rendered document: every string that a YAML 1.1 or 1.2 reader could read as something
 * else (`yes`, `on`, `0755`, `1e3`, `2024_01_15`, …) is quoted (see quote.ts), long lines are never folded, and
 * anchors never emitted.
 *
 * js-yaml's `dump` is the reference; for plain JSON-shaped data (the rendered documents) the structure is
 * written here and only each distinct scalar is rendered by js-yaml, once. Same bytes (test/write/yaml.test.ts
 * checks it on random documents), about 5x faster: 5,000 objects took 240 ms with `dump` alone, ~45 ms so.
 * Anything else (block scalars, whose indentation depends on depth; keys over 1,024 characters; values that
 * are not JSON) goes through `dump` whole.
 */
export function toYaml(value: unknown): string {
  try {
    return `${node(value, 0, true)}\n`;
  } catch (error) {
    if (error !== notPlain) throw error;
    return dump(value, options);
  }
}

const notPlain = new Error('not plain JSON-shaped data');

/** Rendered strings by value: the same names, labels and images repeat across thousands of objects. */
const strings = new Map<string, string>();

/** A string as js-yaml renders it in block context, which for a single-line string does not depend on where it stands. */
function string(value: string): string {
  let text = strings.get(value);
  if (text === undefined) {
    text = dump(value, options).slice(0, -1);
    if (text.includes('\n')) throw notPlain;
    if (strings.size >= 100_000) strings.clear();
    strings.set(value, text);
  }
  return text;
}

function number(value: number): string {
  if (Number.isInteger(value) && !Object.is(value, -0)) return value.toString(10);
  return dump(value, options).slice(0, -1);
}

const isPlainObject = (value: object): value is Record<string, unknown> => {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

/** js-yaml's writeNode for block style: `compact` leaves out the line break before the first entry. */
function node(value: unknown, level: number, compact: boolean): string {
  switch (typeof value) {
    case 'string':
      return string(value);
    case 'number':
      return number(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) return 'null';
      if (Array.isArray(value)) return value.length === 0 ? '[]' : sequence(value, level, compact);
      if (isPlainObject(value)) return mapping(value, level, compact);
      throw notPlain;
    default:
      throw notPlain;
  }
}

const indents: string[] = [];
const lineAt = (level: number) => (indents[level] ??= `\n${' '.repeat(2 * level)}`);

function sequence(items: readonly unknown[], level: number, compact: boolean): string {
  let out = '';
  for (const item of items) {
    if (!compact || out !== '') out += lineAt(level);
    const text = node(item, level + 1, true);
    out += text.charCodeAt(0) === 10 ? `-${text}` : `- ${text}`;
  }
  return out;
}

function mapping(object: Record<string, unknown>, level: number, compact: boolean): string {
  let out = '';
  for (const key of Object.keys(object)) {
    const name = string(key);
    if (name.length > 1024) throw notPlain;
    if (!compact || out !== '') out += lineAt(level);
    const text = node(object[key], level + 1, false);
    out += text.charCodeAt(0) === 10 ? `${name}:${text}` : `${name}: ${text}`;
  }
  return out === '' ? '{}' : out;
}
