import { pointer, pointerSegments } from '../diagnostics/diagnostic.js';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A merged document and the pointers (in it) of the values the override supplied. */
export interface Merged {
  data: unknown;
  /** Pointers of values the override set or replaced, whole subtrees included. */
  overridden: ReadonlySet<string>;
}

/**
 * Deep-merges `override` over `base` the way an environment is applied: objects merge key by key, arrays and
 * scalars replace, and `null` removes a key (JSON Merge Patch, RFC 7386). Neither input is modified.
 */
export function deepMerge(base: unknown, override: unknown): Merged {
  const overridden = new Set<string>();
  const merge = (target: unknown, patch: unknown, at: string): unknown => {
    if (!isObject(patch) || !isObject(target)) {
      overridden.add(at);
      return patch;
    }
    const result: Record<string, unknown> = { ...target };
    for (const [key, value] of Object.entries(patch)) {
      const path = at + pointer(key);
      if (value === null) delete result[key];
      else if (Object.hasOwn(target, key)) result[key] = merge(target[key], value, path);
      else {
        overridden.add(path);
        result[key] = value;
      }
    }
    return result;
  };
  return { data: merge(base, override, ''), overridden };
}

/** The longest prefix of `path` (itself included) in `set`, if any. */
export function longestPrefixIn(path: string, set: ReadonlySet<string>): string | undefined {
  const segments = pointerSegments(path);
  for (let n = segments.length; n >= 0; n--) {
    const prefix = pointer(...segments.slice(0, n));
    if (set.has(prefix)) return prefix;
  }
  return undefined;
}
