import { dump } from 'js-yaml';

const options = { lineWidth: -1, noRefs: true, sortKeys: false } as const;

/**
 * Block-style YAML for a rendered document. js-yaml quotes every string that YAML 1.1 or 1.2 could read as
 * something else (`yes`, `on`, `0755`, `1e3`, …), never folds long lines, and never emits anchors.
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
