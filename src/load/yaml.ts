import { CORE_SCHEMA } from 'js-yaml';
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { Document, LineCounter, Node, Pair, YAMLMap } from 'yaml';
import { pointerSegments } from '../diagnostics/diagnostic.js';
import { parseStrictJson } from './json.js';
import { loadWithPositions, type PositionIndex } from './position-index.js';
import { loadError, type LoadedSpec, type Position } from './source.js';

/** Anchors make aliases, which a fast parser would expand without the `yaml` library's alias-count guard. */
const anchor = /(?:^|[\s[{,:-])&[^\s&*]/m;

/**
 * Parses YAML or JSON text (JSON is YAML 1.2). The data comes from the fast parsers (JSON.parse, js-yaml's
 * YAML 1.2 core schema), and js-yaml's parse of the text records where each node starts (src/load/position-index.ts),
 * which locates a JSON Pointer. The `yaml` library's document is built only when the fast parse failed (its error
 * messages are better), or to locate a pointer through a shape the index leaves out (anchors, tags, explicit keys).
 */
export function loadYamlText(file: string, text: string, format: 'yaml' | 'json'): LoadedSpec {
  let parsed: { data: unknown; index?: PositionIndex } | undefined =
    format === 'json' ? { data: parseStrictJson(file, text) } : undefined;
  if (!parsed && !anchor.test(text)) {
    try {
      parsed = loadWithPositions(text, { schema: CORE_SCHEMA });
    } catch {
      // reported below, from the `yaml` library's parse
    }
  }
  // The `yaml` library is required only when something needs a location: a valid spec's run never loads it.
  let yaml: typeof Yaml | undefined;
  let lineCounter: LineCounter | undefined;
  let doc: Document.Parsed | undefined;
  const document = (): Document.Parsed => {
    yaml ??= createRequire(import.meta.url)('yaml') as typeof Yaml;
    lineCounter ??= new yaml.LineCounter();
    // Once the fast parse has read the data it has also refused duplicate keys, and the `yaml` library's own check
    // compares each key with every earlier one (6.9 s of 19 s locating 20,000 findings in a 20,000-service map).
    doc ??= yaml.parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: parsed === undefined });
    return doc;
  };
  if (!parsed) {
    const problem = document().errors[0];
    if (problem) {
      const position = problem.linePos?.[0] ?? lineCounter!.linePos(problem.pos[0]);
      const message = problem.message.split('\n')[0] ?? problem.message;
      throw loadError(file, `cannot parse YAML: ${message}`, {
        line: position.line,
        column: position.col,
      });
    }
    try {
      parsed = { data: document().toJS({ maxAliasCount: 1000 }) };
    } catch (error) {
      // the `yaml` library's guard against alias bombs ("billion laughs")
      throw loadError(
        file,
        `cannot expand YAML aliases: ${(error as Error).message}; write the repeated values out or use fewer aliases`,
      );
    }
  }
  const at = (offset: number): Position => {
    const { line, col } = lineCounter!.linePos(offset);
    return { line, column: col };
  };
  // A JSON spec's positions are read only when something asks: its own parse needs none.
  let index: PositionIndex | undefined | null = format === 'json' ? undefined : (parsed.index ?? null);
  let lineStarts: number[] | undefined;
  return {
    file,
    format,
    data: parsed.data,
    locate(path) {
      if (index === undefined) {
        try {
          index = loadWithPositions(text, { schema: CORE_SCHEMA }).index ?? null;
        } catch {
          index = null;
        }
      }
      const offset = index?.offsetOf(path);
      if (offset !== undefined) {
        lineStarts ??= startsOfLines(text);
        return positionAt(lineStarts, offset);
      }
      let node: unknown = document().contents;
      const { isMap, isSeq } = yaml!;
      let position = rangeStart(node, at);
      for (const segment of pointerSegments(path)) {
        if (isMap(node)) {
          const pair = pairsOf(yaml!, node).get(segment);
          if (!pair) break;
          position = rangeStart(pair.key, at) ?? position;
          node = pair.value;
        } else if (isSeq(node)) {
          const item = node.items[Number(segment)];
          if (item === undefined || !/^\d+$/.test(segment)) break;
          position = rangeStart(item, at) ?? position;
          node = item;
        } else break;
      }
      return position;
    },
  };
}

/** Each mapping's pairs by key, built on the first look-up into it, so a look-up costs O(depth), not O(width). */
const pairIndex = new WeakMap<YAMLMap, Map<string, Pair>>();
function pairsOf({ isPair, isScalar }: typeof Yaml, map: YAMLMap): Map<string, Pair> {
  let pairs = pairIndex.get(map);
  if (!pairs) {
    pairs = new Map();
    for (const item of map.items) {
      if (isPair(item) && isScalar(item.key) && !pairs.has(String(item.key.value)))
        pairs.set(String(item.key.value), item);
    }
    pairIndex.set(map, pairs);
  }
  return pairs;
}

function rangeStart(node: unknown, at: (offset: number) => Position): Position | undefined {
  const range = (node as Node | null)?.range;
  return range ? at(range[0]) : undefined;
}

/** The offset where each line starts (lines end at `\n`, as the `yaml` library's LineCounter counts them). */
function startsOfLines(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The 1-based line and column (in UTF-16 code units) of `offset`. */
function positionAt(lineStarts: readonly number[], offset: number): Position {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - lineStarts[low]! + 1 };
}
