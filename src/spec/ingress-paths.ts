import { compareStrings } from '../util/order.js';
import type { StringMatch } from './schema.generated.js';

/**
 * What one ingress entry takes of a host's requests: an exact path, a path prefix, a regex, or every path
 * (`any`: no `paths`, or the prefix `/`, which matches every request as well).
 */
export type PathClaim = { kind: 'exact' | 'prefix' | 'regex'; value: string } | { kind: 'any'; value: '' };

/** The claim of one `ingress.paths` entry; undefined (no paths) claims every path. */
export function pathClaim(match: StringMatch | undefined): PathClaim {
  if (match === undefined) return { kind: 'any', value: '' };
  if ('exact' in match) return { kind: 'exact', value: match.exact };
  if ('prefix' in match)
    return match.prefix === '/' ? { kind: 'any', value: '' } : { kind: 'prefix', value: match.prefix };
  return { kind: 'regex', value: match.regex };
}

const rank = { exact: 0, prefix: 1, regex: 2, any: 3 } as const;

/**
 * Most specific first, so that a gateway's first matching route is the one meant: exact paths, then prefixes
 * longest first, then regexes, then the catch-all; equal kinds and lengths in code-unit order.
 */
export function compareClaims(a: PathClaim, b: PathClaim): number {
  return (
    rank[a.kind] - rank[b.kind] ||
    (a.kind === 'prefix' ? b.value.length - a.value.length : 0) ||
    compareStrings(a.value, b.value)
  );
}

/** Two entries with the same key take the same requests: whichever a gateway put first would win them all. */
export const claimKey = (claim: PathClaim): string => `${claim.kind}:${claim.value}`;

/** `every path`, `the exact path "/a"`, `the prefix "/a"`, `the regex "/a.*"`, for messages. */
export function describeClaim(claim: PathClaim): string {
  return claim.kind === 'any'
    ? 'every path'
    : `the ${claim.kind === 'exact' ? 'exact path' : claim.kind} ${JSON.stringify(claim.value)}`;
}

/** A request path that `claim` takes, to test other claims' regexes against (undefined for `any` and a regex). */
export function samplePath(claim: PathClaim): string | undefined {
  return claim.kind === 'exact' || claim.kind === 'prefix' ? claim.value : undefined;
}
