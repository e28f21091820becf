import { type JSONVisitor, printParseErrorCode, visit } from 'jsonc-parser';
import { loadError } from './source.js';

/**
 * A `.json` spec is strict JSON: no comments, trailing commas or YAML, and — unlike JSON.parse, where the last of
 * two equal keys silently wins — no duplicate keys. Throws a LoadError at the first problem's line and column.
 */
export function parseStrictJson(file: string, text: string): unknown {
  let problem: { message: string; line: number; column: number } | undefined;
  const keys: Array<Map<string, string>> = [];
  const visitor: JSONVisitor = {
    onObjectBegin: () => void keys.push(new Map()),
    onObjectEnd: () => void keys.pop(),
    onObjectProperty: (name, _offset, _length, line, character) => {
      const seen = keys.at(-1)!;
      const first = seen.get(name);
      if (first === undefined) seen.set(name, `${line + 1}:${character + 1}`);
      else
        problem ??= {
          message: `duplicate key ${JSON.stringify(name)} (first at ${first}): a JSON object's keys must be unique`,
          line: line + 1,
          column: character + 1,
        };
    },
    onError: (code, offset, _length, line, character) => {
      problem ??= { message: explain(printParseErrorCode(code), text, offset), line: line + 1, column: character + 1 };
    },
  };
  try {
    visit(text, visitor, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  } catch (error) {
    // The scanner recurses once per level; JSON.parse does not, so only this needs the guard.
    if (!(error instanceof RangeError)) throw error;
    throw loadError(file, `cannot parse JSON: it nests ${maxNesting(text)} levels deep, too deep to read`);
  }
  if (problem)
    throw loadError(file, `cannot parse JSON: ${problem.message}`, { line: problem.line, column: problem.column });
  return JSON.parse(text);
}

/** How deep `[` and `{` nest in JSON text, strings skipped. */
function maxNesting(text: string): number {
  let depth = 0;
  let deepest = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"') quote = c;
    else if (c === '[' || c === '{') deepest = Math.max(deepest, ++depth);
    else if (c === ']' || c === '}') depth--;
  }
  return deepest;
}

/** A parse error in words, naming the usual suspects: a trailing comma, a comment, YAML in a .json file. */
function explain(code: string, text: string, offset: number): string {
  if (
    /^(PropertyNameExpected|ValueExpected)$/.test(code) &&
    /,\s*$/.test(text.slice(0, offset)) &&
    /^[}\]]/.test(text.slice(offset))
  ) {
    return 'a trailing comma is not JSON: remove it';
  }
  if (code === 'InvalidCommentToken') return 'comments are not JSON: remove it, or write the spec in YAML';
  if (code === 'InvalidSymbol') return 'this is not JSON (YAML in a .json file? name it .yaml)';
  // `CommaExpected` → `comma expected`
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
