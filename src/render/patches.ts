import { codes } from '../diagnostics/codes.js';
import { pointer, pointerSegments, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { NormalizedPatch } from '../normalize/model.js';
import type { RenderedDocument, RenderedValue } from './target.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** RFC 7386 JSON merge patch: objects merge key by key, `null` removes a key, anything else replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return structuredClone(patch);
  const result: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

const nameOf = (value: RenderedValue) => String((value.metadata as { name?: unknown } | undefined)?.name ?? '');
const serviceOf = (value: RenderedValue) =>
  String(
    (value.metadata as { labels?: Record<string, unknown> } | undefined)?.labels?.['app.kubernetes.io/name'] ?? '',
  );

/** A patch must not move an object: its identity (apiVersion, kind, name, namespace) stays hamesh's. */
function identityChange(patch: Record<string, unknown>): string | undefined {
  for (const key of ['apiVersion', 'kind']) if (key in patch) return key;
  const metadata = isObject(patch.metadata) ? patch.metadata : {};
  for (const key of ['name', 'namespace']) if (key in metadata) return `metadata/${key}`;
  return undefined;
}

const matches = (target: NormalizedPatch, value: RenderedValue) =>
  value.kind === target.kind &&
  (target.service !== undefined ? serviceOf(value) === target.service : nameOf(value) === target.name);

/**
 * The patch stage, between render and verify: applies each service's `patches` (by kind, to every manifest of
 * that kind the service renders) and the top-level `patches` (by `Kind/name`). Each patched document records
 * the patch's spec pointer, so verification findings inside a patch point at its line.
 */
export function applyPatches(
  patches: readonly NormalizedPatch[],
  documents: readonly RenderedDocument[],
): { documents: RenderedDocument[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  let result = [...documents];
  for (const target of patches) {
    const changed = identityChange(target.patch);
    if (changed) {
      diagnostics.push({
        rule: codes.patch.id,
        severity: 'error',
        message: `changes ${changed.replace('/', '.')}, which identifies the object: a patch may change its content only`,
        path: `${target.path}/${changed}`,
      });
      continue;
    }
    let matched = false;
    result = result.map((document) => {
      if (document.kind !== 'manifest' || !matches(target, document.value)) return document;
      matched = true;
      const patched = [...(document.patches ?? []), { path: target.path, patch: target.patch }];
      return { ...document, value: mergePatch(document.value, target.patch) as RenderedValue, patches: patched };
    });
    if (!matched) {
      diagnostics.push({
        rule: codes.patchUnmatched.id,
        severity: codes.patchUnmatched.severity,
        message: 'matches no object this build renders (check the kind and name, and the --target list)',
        path: target.path,
      });
    }
  }
  return { documents: result, diagnostics };
}

/**
 * Where in the spec a verification problem at `problemPointer` of a document was written: inside the last patch
 * that set that field, else at that field of a passed-through object (`objects`), else the document's source.
 */
export function problemSource(document: RenderedDocument, problemPointer: string): string {
  if (document.kind === 'file') return document.source;
  const segments = pointerSegments(problemPointer);
  for (const { path, patch } of [...(document.patches ?? [])].reverse()) {
    let node: unknown = patch;
    let depth = 0;
    while (depth < segments.length && isObject(node) && segments[depth]! in node) node = node[segments[depth++]!];
    if (depth > 0) return path + pointer(...segments.slice(0, depth));
  }
  return document.passthrough ? document.source + problemPointer : document.source;
}
