import type { RouteMatch, StringMatch } from '../../spec/schema.generated.js';

/**
 * Gateway API does not take the first matching rule, as an Istio VirtualService does: it takes the most specific
 * match (an exact path, then the longest path prefix, then a method, then the most header matches, then the most
 * query parameter matches), ties going to the earlier rule. These helpers find two routes whose order the spec
 * relies on but Gateway API would invert. Regular-expression paths have no place in that order (it is the
 * implementation's), so matches with one are not compared.
 */

/** A prefix as Gateway API reads it: whole path segments, a trailing `/` ignored. */
const segments = (prefix: string) => (prefix.length > 1 ? prefix.replace(/\/+$/, '') : prefix);

/** Whether the PathPrefix `prefix` matches `path`. */
const underPrefix = (prefix: string, path: string) => {
  const p = segments(prefix);
  return p === '/' || path === p || path.startsWith(`${p}/`);
};

type Path = { exact: string } | { prefix: string };

/** The match's path, unless it is a regex or not absolute (the preflight refuses that one on its own). */
const pathOf = (match: RouteMatch): Path | undefined => {
  const uri = match.uri ?? { prefix: '/' };
  if ('regex' in uri) return undefined;
  return ('exact' in uri ? uri.exact : uri.prefix).startsWith('/') ? uri : undefined;
};

function pathsOverlap(a: Path, b: Path): boolean {
  if ('exact' in a && 'exact' in b) return a.exact === b.exact;
  if ('exact' in a && 'prefix' in b) return underPrefix(b.prefix, a.exact);
  if ('prefix' in a && 'exact' in b) return underPrefix(a.prefix, b.exact);
  const [p, q] = [segments((a as { prefix: string }).prefix), segments((b as { prefix: string }).prefix)];
  return underPrefix(p, q) || underPrefix(q, p);
}

/** Two value conditions on the same name that no request meets at once (different exact values). */
function valuesExclude(a: Record<string, StringMatch> = {}, b: Record<string, StringMatch> = {}): boolean {
  return Object.entries(a).some(([name, m]) => {
    const other = b[name];
    return other !== undefined && 'exact' in m && 'exact' in other && m.exact !== other.exact;
  });
}

/** Whether some request may meet both matches (false only when that is certain). */
function mayOverlap(a: RouteMatch, b: RouteMatch, pa: Path, pb: Path): boolean {
  if (!pathsOverlap(pa, pb)) return false;
  if (a.method !== undefined && b.method !== undefined && a.method !== b.method) return false;
  return !valuesExclude(a.headers, b.headers) && !valuesExclude(a.queryParams, b.queryParams);
}

/** The match's rank in Gateway API's order, compared element by element (higher wins). */
function rank(match: RouteMatch, path: Path): number[] {
  return [
    'exact' in path ? 1 : 0,
    'prefix' in path ? segments(path.prefix).length : 0,
    match.method !== undefined ? 1 : 0,
    Object.keys(match.headers ?? {}).length,
    Object.keys(match.queryParams ?? {}).length,
  ];
}

function outranks(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return false;
}

/**
 * The first pair (earlier, later) of the routes' matches that some request may meet both of, where Gateway API
 * would pick the later one; undefined when the order is kept. A route without matches matches every request.
 */
export function invertedMatch(
  earlier: readonly RouteMatch[],
  later: readonly RouteMatch[],
): { earlier: RouteMatch; later: RouteMatch } | undefined {
  const all = (matches: readonly RouteMatch[]) => (matches.length > 0 ? matches : [{}]);
  for (const a of all(earlier)) {
    const pa = pathOf(a);
    if (!pa) continue;
    for (const b of all(later)) {
      const pb = pathOf(b);
      if (pb && mayOverlap(a, b, pa, pb) && outranks(rank(b, pb), rank(a, pa))) return { earlier: a, later: b };
    }
  }
  return undefined;
}
