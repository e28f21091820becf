/** One field that differs between two values: a dotted path (`autoscale.min`, `ports.0.port`), `from` and `to`. */
export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isComposite = (value: unknown) => typeof value === 'object' && value !== null;

/**
 * The leaves that differ between `before` and `after`, in key order. Arrays of equal length are compared by index,
 * other arrays whole; `ignore` names keys left out at any depth (e.g. the spec pointers normalised objects carry).
 */
export function fieldChanges(
  before: unknown,
  after: unknown,
  ignore: ReadonlySet<string> = new Set(),
  prefix = '',
): FieldChange[] {
  const bothObjects = isPlainObject(before) && isPlainObject(after);
  const sameLengthArrays =
    Array.isArray(before) && Array.isArray(after) && before.length === after.length && before.some(isComposite);
  if (!bothObjects && !sameLengthArrays) {
    return canonical(before) === canonical(after) ? [] : [{ field: prefix, from: before, to: after }];
  }
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((key) => !ignore.has(key));
  if (!Array.isArray(before)) keys.sort();
  return keys.flatMap((key) => fieldChanges(a[key], b[key], ignore, prefix ? `${prefix}.${key}` : key));
}

/** JSON with sorted keys: equal for equal values whatever their key order. */
export function canonical(value: unknown): string {
  return (
    JSON.stringify(value, (_key, v: unknown) =>
      isPlainObject(v)
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, v[k]]),
          )
        : v,
    ) ?? 'undefined'
  );
}

/** A value as a reader wants it in a change list: strings bare, missing as `(unset)`, the rest as JSON. */
export function show(value: unknown): string {
  if (value === undefined) return '(unset)';
  return typeof value === 'string' ? value : canonical(value);
}
