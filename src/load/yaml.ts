import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { pointerSegments } from '../diagnostics/diagnostic.js';
import { loadError, type LoadedSpec, type Position } from './source.js';

/** Parses YAML or JSON text (JSON is YAML 1.2) keeping node ranges for located diagnostics. */
export function loadYamlText(file: string, text: string, format: 'yaml' | 'json'): LoadedSpec {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problem = doc.errors[0];
  if (problem) {
    const position = problem.linePos?.[0] ?? lineCounter.linePos(problem.pos[0]);
    const message = problem.message.split('\n')[0] ?? problem.message;
    throw loadError(file, `cannot parse ${format === 'json' ? 'JSON' : 'YAML'}: ${message}`, {
      line: position.line,
      column: position.col,
    });
  }
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  return {
    file,
    format,
    data: doc.toJS({ maxAliasCount: 1000 }),
    locate(path) {
      let node: unknown = doc.contents;
      let position = rangeStart(node, at);
      for (const segment of pointerSegments(path)) {
        if (isMap(node)) {
          const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === segment);
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

function rangeStart(node: unknown, at: (offset: number) => Position): Position | undefined {
  const range = (node as Node | null)?.range;
  return range ? at(range[0]) : undefined;
}
