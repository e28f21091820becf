import { createRequire } from 'node:module';
import type TypeScript from 'typescript';
import { pointerSegments } from '../diagnostics/diagnostic.js';
import type { Position } from './source.js';

/**
 * Finds where a JSON Pointer's value was written in a TypeScript/JavaScript spec module: it follows the
 * default export (through `defineSystem(...)`, `as const`, `satisfies`, parentheses and same-file
 * constants) into object and array literals. Stops at the deepest literal it can follow, so a computed
 * value is located at the expression that computed it.
 */
export function createTsLocator(file: string, text: string): (pointer: string) => Position | undefined {
  let locate: ((pointer: string) => Position | undefined) | undefined;
  // The compiler is loaded on the first look-up only: a valid spec never needs it.
  return (pointer) => {
    locate ??= buildLocator(createRequire(import.meta.url)('typescript') as typeof TypeScript, file, text);
    return locate(pointer);
  };
}

function buildLocator(ts: typeof TypeScript, file: string, text: string): (pointer: string) => Position | undefined {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKind(ts, file));
  const constants = new Map<string, TypeScript.Expression>();
  let root: TypeScript.Expression | undefined;
  for (const statement of source.statements) {
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name) && declaration.initializer) {
          constants.set(declaration.name.text, declaration.initializer);
        }
      }
    } else if (ts.isExportAssignment(statement)) {
      root = statement.expression;
    }
  }
  const at = (node: TypeScript.Node): Position => {
    const { line, character } = source.getLineAndCharacterOfPosition(node.getStart(source));
    return { line: line + 1, column: character + 1 };
  };

  /** Unwraps wrappers until an object or array literal (or something it cannot see through). */
  const unwrap = (node: TypeScript.Expression, depth = 0): TypeScript.Expression => {
    if (depth > 20) return node;
    if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) {
      return unwrap(node.expression, depth + 1);
    }
    if (ts.isCallExpression(node) && node.arguments.length === 1) return unwrap(node.arguments[0]!, depth + 1);
    if (ts.isIdentifier(node)) {
      const value = constants.get(node.text);
      return value ? unwrap(value, depth + 1) : node;
    }
    return node;
  };

  const propertyName = (name: TypeScript.PropertyName): string | undefined => {
    if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
    if (ts.isComputedPropertyName(name) && ts.isStringLiteralLike(name.expression)) return name.expression.text;
    return undefined;
  };

  /**
   * An object literal's properties by name, built once per literal (the last of equal names wins, as at run time),
   * so that locating a pointer costs O(depth); undefined for a literal with spreads, which findProperty walks.
   */
  const propertyIndex = new Map<TypeScript.ObjectLiteralExpression, Map<string, TypeScript.Node> | undefined>();
  const propertiesOf = (object: TypeScript.ObjectLiteralExpression): Map<string, TypeScript.Node> | undefined => {
    if (propertyIndex.has(object)) return propertyIndex.get(object);
    let index: Map<string, TypeScript.Node> | undefined = new Map();
    for (const property of object.properties) {
      if (ts.isSpreadAssignment(property)) {
        index = undefined;
        break;
      }
      const name = property.name && propertyName(property.name);
      if (name !== undefined) index.set(name, property);
    }
    propertyIndex.set(object, index);
    return index;
  };

  /** The property node named `key` in an object literal, looking into spreads (the last one wins). */
  const findProperty = (object: TypeScript.ObjectLiteralExpression, key: string): TypeScript.Node | undefined => {
    const index = propertiesOf(object);
    if (index) return index.get(key);
    for (const property of [...object.properties].reverse()) {
      if (ts.isSpreadAssignment(property)) {
        const spread = unwrap(property.expression);
        const found = ts.isObjectLiteralExpression(spread) ? findProperty(spread, key) : undefined;
        if (found) return found;
      } else if (property.name && propertyName(property.name) === key) {
        return property;
      }
    }
    return undefined;
  };

  return (path) => {
    if (!root) return undefined;
    let node: TypeScript.Expression = unwrap(root);
    let position: Position = at(node);
    for (const segment of pointerSegments(path)) {
      let next: TypeScript.Expression | undefined;
      if (ts.isObjectLiteralExpression(node)) {
        const property = findProperty(node, segment);
        if (!property) break;
        position = at(property);
        if (ts.isPropertyAssignment(property)) next = property.initializer;
        else if (ts.isShorthandPropertyAssignment(property)) next = property.name;
      } else if (ts.isArrayLiteralExpression(node)) {
        if (node.elements.some(ts.isSpreadElement)) break;
        const element = node.elements[Number(segment)];
        if (!element) break;
        position = at(element);
        next = element;
      }
      if (!next) break;
      node = unwrap(next);
    }
    return position;
  };
}

function scriptKind(ts: typeof TypeScript, file: string): TypeScript.ScriptKind {
  return /\.[cm]?js$/.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
}
