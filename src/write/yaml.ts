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
  const out: string[] = [];
  try {
    write(out, value, 0, true);
  } catch (error) {
    if (error !== notPlain) throw error;
    return dump(value, options);
  }
  out.push('\n');
  return out.join('');
}

const notPlain = new Error('not plain JSON-shaped data');

/** Rendered strings by value: the same names, labels and images repeat across thousands of objects. */
const strings = new Map<string, string>();

/**
 * Strings js-yaml writes as they are: a letter, then letters, digits and `-._/`, unless a reader could retype them
 * (`yes`, `null`: mustQuote). Most names and label keys are such words, and `dump` sets up a whole dumper for each
 * distinct string it is asked about (test/write/yaml.test.ts compares the two on random words).
 */
const plainWord = /^[A-Za-z][A-Za-z0-9._/-]*$/;

/** A string as js-yaml renders it in block context, which for a single-line string does not depend on where it stands. */
function string(value: string): string {
  let text = strings.get(value);
  if (text === undefined) {
    text = plainWord.test(value) && !mustQuote(value) ? value : dump(value, options).slice(0, -1);
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

/**
 * Whether `value` is written as a block: its entries on lines of their own, after the key (`key:\n  a: 1`) where
 * a scalar would follow it on the same line (`key: 1`).
 */
function isBlock(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.length > 0;
  for (const _ in value) return true;
  return false;
}

/**
 * js-yaml's writeNode for block style, appending the text to `out` (one join at the end: building each level's
 * text and copying it into its parent's allocated ~25 MB at 1,000 services). `compact` leaves out the line break
 * before the first entry.
 */
function write(out: string[], value: unknown, level: number, compact: boolean): void {
  switch (typeof value) {
    case 'string':
      out.push(string(value));
      return;
    case 'number':
      out.push(number(value));
      return;
    case 'boolean':
      out.push(value ? 'true' : 'false');
      return;
    case 'object':
      if (value === null) out.push('null');
      else if (Array.isArray(value)) {
        if (value.length === 0) out.push('[]');
        else sequence(out, value, level, compact);
      } else if (isPlainObject(value)) mapping(out, value, level, compact);
      else throw notPlain;
      return;
    default:
      throw notPlain;
  }
}

const indents: string[] = [];
const lineAt = (level: number) => (indents[level] ??= `\n${' '.repeat(2 * level)}`);

// Plain loops, not forEach: a callback per sequence and mapping was ~3% of the allocations of a build.
function sequence(out: string[], items: readonly unknown[], level: number, compact: boolean): void {
  for (let i = 0; i < items.length; i++) {
    if (!compact || i > 0) out.push(lineAt(level));
    // An item is written compact: a block item starts on the dash's line (`- a: 1`).
    out.push('- ');
    write(out, items[i], level + 1, true);
  }
}

function mapping(out: string[], object: Record<string, unknown>, level: number, compact: boolean): void {
  const keys = Object.keys(object);
  if (keys.length === 0) {
    out.push('{}');
    return;
  }
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const name = string(key);
    if (name.length > 1024) throw notPlain;
    if (!compact || i > 0) out.push(lineAt(level));
    const child = object[key];
    out.push(name, isBlock(child) ? ':' : ': ');
    write(out, child, level + 1, false);
  }
}
