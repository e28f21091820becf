import { type LoadOptions, load, type State } from 'js-yaml';
import { pointerSegments } from '../diagnostics/diagnostic.js';

/**
 * Where each node of a YAML (or JSON) text starts, recorded from js-yaml's parse events while it reads the data, so
 * a JSON Pointer is located in O(depth) without a second parse or a document model (the `yaml` library's document
 * of a 20,000-service spec took seconds and hundreds of MiB). The offsets are those of the `yaml` library's nodes:
 * an object key's first character, a sequence item's first character. A shape the events cannot vouch for (explicit
 * `?` keys, tags, empty sequence items, non-scalar keys) is left out, and look-ups through it answer `undefined`.
 */
export interface PositionIndex {
  /** The text offset of the value (an object key's, for a key) at `pointer` or its nearest ancestor; `undefined`: not indexed. */
  offsetOf(pointer: string): number | undefined;
}

/** A child that is a scalar (no entries), and one whose shape the parse events did not show. */
const scalar = -1;
const unindexed = -2;

/** A growable list of 32-bit integers: the index keeps no object per node. */
class IntList {
  data = new Int32Array(1024);
  length = 0;
  push(a: number, b: number): void {
    if (this.length + 2 > this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = a;
    this.data[this.length++] = b;
  }
}

/**
 * The collections (mappings and sequences) of one text. Entry `e` of a collection: its offset `entries[2e]` (a key's
 * or an item's), its child `entries[2e + 1]` (a collection number, `scalar` or `unindexed`) and, in a mapping, its
 * key `keys[e]`. A collection's entries are contiguous: `collections[2c]` is its first entry, `collections[2c + 1]`
 * its entry count × 2, plus 1 for a mapping.
 */
class Collections {
  readonly entries = new IntList();
  readonly keys: string[] = [];
  readonly collections = new IntList();
  readonly #byKey = new Map<number, Map<string, number>>();

  add(mapping: boolean, count: number): number {
    this.collections.push(this.keys.length - count, count * 2 + (mapping ? 1 : 0));
    return this.collections.length / 2 - 1;
  }

  /** The entry of `collection` at `segment`, or undefined; a wide mapping's keys are mapped on its first look-up. */
  entryAt(collection: number, segment: string): number | undefined {
    const first = this.collections.data[2 * collection]!;
    const shape = this.collections.data[2 * collection + 1]!;
    const count = shape >> 1;
    if ((shape & 1) === 0) {
      const item = Number(segment);
      return /^\d+$/.test(segment) && item < count ? first + item : undefined;
    }
    if (count <= 16) {
      for (let e = first; e < first + count; e++) if (this.keys[e] === segment) return e;
      return undefined;
    }
    let byKey = this.#byKey.get(collection);
    if (!byKey) {
      byKey = new Map();
      for (let e = first + count - 1; e >= first; e--) byKey.set(this.keys[e]!, e);
      this.#byKey.set(collection, byKey);
    }
    return byKey.get(segment);
  }
}

/** What js-yaml's `load` gives, with the position index of the text it read (`undefined` for an empty text). */
export function loadWithPositions(text: string, options: LoadOptions): { data: unknown; index?: PositionIndex } {
  const index = new Collections();
  // One open and one close event per composed node, its children's between them. Each closed node leaves five
  // slots on `kids` (start, end, kind, value, child) until its parent closes and takes them.
  const kids: unknown[] = [];
  let top = 0;
  const opens: number[] = [];
  let depth = 0;
  let input = text;
  const listener = (event: 'open' | 'close', state: State): void => {
    if (event === 'open') {
      opens[depth++] = top;
      opens[depth++] = state.position;
      return;
    }
    const start = opens[--depth]!;
    const base = opens[--depth]!;
    input = state.input;
    const kind = state.kind as string | null;
    const value: unknown = state.result;
    let child = scalar;
    if (kind === 'mapping' || kind === 'sequence') {
      child = isProperty(input, start) ? unindexed : collection(index, input, kids, base, top, value as object);
    }
    top = base;
    kids[top++] = start;
    kids[top++] = state.position;
    kids[top++] = kind;
    kids[top++] = value;
    kids[top++] = child;
  };
  const data = load(text, { ...options, listener });
  if (top !== 5 || kids[2] === null || isProperty(input, kids[0] as number)) return { data };
  // js-yaml drops a byte-order mark before reading; the offsets count from the text as given.
  const shift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const root = kids[4] as number;
  const rootOffset = kids[0] as number;
  const { entries } = index;
  return {
    data,
    index: {
      offsetOf(pointer) {
        let node = root;
        let offset = rootOffset;
        for (const segment of pointerSegments(pointer)) {
          if (node === scalar) break;
          if (node === unindexed) return undefined;
          const entry = index.entryAt(node, segment);
          if (entry === undefined) break;
          offset = entries.data[2 * entry]!;
          node = entries.data[2 * entry + 1]!;
        }
        return offset + shift;
      },
    },
  };
}

/**
 * Adds a closed mapping or sequence from its kids' slots `kids[base, top)`, checked against the value js-yaml built
 * (its key count; each item is the very value its kid composed); `unindexed` when they do not match.
 */
function collection(index: Collections, input: string, kids: unknown[], base: number, top: number, value: object) {
  // A node that only passed on what one nested compose read (a flow collection where a block key could have been).
  if (top - base === 5 && kids[base + 3] === value) return kids[base + 4] as number;
  const { entries, keys } = index;
  const before = keys.length;
  const undo = (): number => {
    keys.length = before;
    entries.length = 2 * before;
    return unindexed;
  };
  if (Array.isArray(value)) {
    if ((top - base) / 5 !== value.length) return unindexed;
    for (let i = base, item = 0; i < top; i += 5, item++) {
      const start = kids[i] as number;
      if (kids[i + 2] === null || !Object.is(kids[i + 3], value[item]) || isProperty(input, start)) return undo();
      entries.push(start, kids[i + 4] as number);
      keys.push('');
    }
    return index.add(false, value.length);
  }
  for (let i = base; i < top; i += 5) {
    // A key is a scalar followed by `:` on its line; the kid after it is its value (composed even when empty).
    if (kids[i + 2] !== 'scalar' || !colonAfter(input, kids[i + 1] as number)) continue;
    const start = kids[i] as number;
    if (i + 5 >= top || isProperty(input, start)) return undo();
    entries.push(start, kids[i + 9] as number);
    keys.push(String(kids[i + 3]));
    i += 5;
  }
  // Every key js-yaml stored came from a kid, and a value is never followed by `:` on its line (js-yaml refuses
  // that): when each kid is a key or its value, the keys are all there, each with its value.
  const count = keys.length - before;
  return top - base === 10 * count || count === Object.keys(value).length ? index.add(true, count) : undo();
}

/** Whether `:` follows `end` after spaces and tabs on the same line. */
function colonAfter(input: string, end: number): boolean {
  let i = end;
  while (input[i] === ' ' || input[i] === '\t') i++;
  return input[i] === ':';
}

/** A tag, anchor or explicit-key indicator where a node starts: the `yaml` library's range would start elsewhere. */
function isProperty(input: string, start: number): boolean {
  const c = input[start];
  return c === '!' || c === '&' || c === '?';
}
