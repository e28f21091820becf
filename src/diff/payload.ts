import { pointer } from '../diagnostics/diagnostic.js';

type Schema = Record<string, unknown>;

/** One way a new payload schema breaks consumers written against the old one. */
export interface PayloadBreak {
  /** JSON Pointer inside the schema (`/properties/total/type`). */
  path: string;
  message: string;
}

const isSchema = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const typesOf = (schema: Schema): string[] | undefined => {
  const { type } = schema;
  if (typeof type === 'string') return type === 'number' ? ['number', 'integer'] : [type];
  if (Array.isArray(type)) return type.flatMap((t) => (t === 'number' ? ['number', 'integer'] : [String(t)]));
  return undefined;
};
const list = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(', ');

/**
 * What makes events valid under `next` unreadable by consumers of `previous` — the consumer's view of schema
 * compatibility (Confluent's BACKWARD for readers of the old schema), checked recursively through `properties`
 * and array `items`:
 * - a property `previous` requires is removed from `required` (or from `properties`);
 * - a `type` admits a type it did not (`string` → `number`, `integer` → `number`, a type added to a list; a
 *   type set where there was none is a narrowing, and safe);
 * - an `enum` admits a value it did not.
 * Additions consumers can ignore (an optional or a new required property, a narrower type, fewer enum values)
 * are not breaks.
 */
export function payloadBreaks(previous: unknown, next: unknown, at = ''): PayloadBreak[] {
  if (!isSchema(previous) || !isSchema(next)) return [];
  const breaks: PayloadBreak[] = [];
  const oldTypes = typesOf(previous);
  const newTypes = typesOf(next);
  if (oldTypes && newTypes) {
    const added = newTypes.filter((t) => !oldTypes.includes(t));
    if (added.length > 0)
      breaks.push({
        path: `${at}/type`,
        message: `type ${list([previous.type])} became ${list([next.type])}: consumers do not expect ${added.join(', ')}`,
      });
  } else if (oldTypes && !newTypes) {
    breaks.push({
      path: at,
      message: `type ${list([previous.type])} is no longer constrained: consumers expect ${oldTypes[0]}`,
    });
  }
  if (Array.isArray(previous.enum)) {
    const added = Array.isArray(next.enum)
      ? next.enum.filter((v) => !(previous.enum as unknown[]).some((o) => JSON.stringify(o) === JSON.stringify(v)))
      : undefined;
    if (added === undefined)
      breaks.push({
        path: at,
        message: `no longer limited to ${list(previous.enum)}: consumers switch over those values`,
      });
    else if (added.length > 0)
      breaks.push({ path: `${at}/enum`, message: `admits new value(s) ${list(added)} that consumers do not handle` });
  }
  const oldRequired = Array.isArray(previous.required) ? previous.required.map(String) : [];
  const newRequired = Array.isArray(next.required) ? next.required.map(String) : [];
  const newProperties = isSchema(next.properties) ? next.properties : {};
  for (const name of oldRequired) {
    if (newRequired.includes(name)) continue;
    const removed = !Object.hasOwn(newProperties, name);
    breaks.push({
      path: `${at}${pointer('properties', name)}`,
      message: `required property '${name}' is ${removed ? 'removed' : 'no longer required'}: consumers read it from every event`,
    });
  }
  const oldProperties = isSchema(previous.properties) ? previous.properties : {};
  for (const [name, schema] of Object.entries(oldProperties)) {
    if (Object.hasOwn(newProperties, name))
      breaks.push(...payloadBreaks(schema, newProperties[name], `${at}${pointer('properties', name)}`));
  }
  breaks.push(...payloadBreaks(previous.items, next.items, `${at}/items`));
  return breaks;
}
