import { codes } from '../diagnostics/codes.js';
import type { ErrorObject } from 'ajv';
import { pointer, type Diagnostic } from '../diagnostics/diagnostic.js';
// ajv's validator of the draft-07 meta-schema, generated at build time (scripts/gen-validators.mjs).
import { draft07 } from '../generated/draft07-validator.js';

/** Deeper schemas would overflow the validator's stack (it recurses once per level). */
const MAX_DEPTH = 500;

/** How many objects and arrays deep `value` goes, counted without recursion. */
function nesting(value: unknown): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_DEPTH) return deepest;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return deepest;
}

function describe(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'enum')
    return `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  return error.message ?? 'is invalid';
}

/**
 * An event's `schema` must itself be a valid JSON Schema (draft-07, the base of AsyncAPI's default schema
 * format), or the AsyncAPI catalog and every consumer that validates payloads with it would break.
 */
export function validatePayloadSchema(event: string, schema: Record<string, unknown>): Diagnostic[] {
  const depth = nesting(schema);
  if (depth > MAX_DEPTH) {
    const message = `is nested ${depth} levels deep; hamesh checks payload schemas up to ${MAX_DEPTH} levels: use $defs and $ref for deep or recursive shapes`;
    return [{ rule: codes.invalidValue.id, severity: 'error', message, path: pointer('events', event, 'schema') }];
  }
  if (draft07(schema)) return [];
  const errors = draft07.errors ?? [];
  // `type` is a name or a list of names: when the name is wrong, "must be array" from the other branch only confuses.
  const enumAt = new Set(errors.filter((e) => e.keyword === 'enum').map((e) => e.instancePath));
  const seen = new Set<string>();
  return errors.flatMap((error) => {
    const path = pointer('events', event, 'schema') + error.instancePath;
    const message = `is not a valid JSON Schema here: ${describe(error)}`;
    if (
      error.keyword === 'anyOf' ||
      (error.keyword === 'type' && enumAt.has(error.instancePath)) ||
      seen.has(path + message)
    )
      return [];
    seen.add(path + message);
    return [{ rule: codes.invalidValue.id, severity: 'error' as const, message, path }];
  });
}
