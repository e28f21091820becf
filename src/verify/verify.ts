import { codes } from '../diagnostics/codes.js';
import { pointer, pointerSegments, type Diagnostic } from '../diagnostics/diagnostic.js';
import { patchedSource } from '../render/patches.js';
import type { RenderedDocument } from '../render/target.js';
import type { ResolvedSystem } from '../resolve/resolve.js';
import type { Verifier, VerifierEntry } from './verifier.js';
import { verifiers as registered } from './verifiers.js';

/** Loaded validators, by registry entry: each is loaded at most once per process. */
const loaded = new WeakMap<VerifierEntry, Promise<Verifier>>();

/** The verifier for an apiVersion/kind, or undefined when no entry covers it. */
function verifierFor(entries: readonly VerifierEntry[], apiVersion: unknown, kind: unknown): Promise<Verifier> | undefined {
  const entry = entries.find((e) => e.apiVersion === apiVersion && e.kind === kind);
  if (!entry) return undefined;
  let verifier = loaded.get(entry);
  if (!verifier) loaded.set(entry, (verifier = entry.load()));
  return verifier;
}

/** `Deployment shop/orders`, for messages. */
function describeObject(value: Record<string, unknown>): string {
  const metadata = (value.metadata ?? {}) as { name?: unknown; namespace?: unknown };
  const name = [metadata.namespace, metadata.name].filter((part) => typeof part === 'string').join('/');
  return `${String(value.kind)} ${name || '(unnamed)'}`;
}

/** The spec entry an object came from: the service named by its `app.kubernetes.io/name` label, else the spec root. */
function sourcePath(document: RenderedDocument, resolved: ResolvedSystem): string {
  const labels = ((document.value.metadata ?? {}) as { labels?: Record<string, unknown> }).labels;
  const service = resolved.service(String(labels?.['app.kubernetes.io/name'] ?? ''));
  return service ? service.path : pointer();
}

/**
 * The verify stage: every `manifest` document is checked against the upstream schema of its apiVersion/kind,
 * unknown fields included. A kind without a registered schema is an error too, so nothing goes out unchecked.
 * `file` documents (broker configs, catalogs) are the business of the targets that render them.
 */
export async function verify(
  documents: readonly RenderedDocument[],
  resolved: ResolvedSystem,
  entries: readonly VerifierEntry[] = registered,
): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  for (const document of documents) {
    if (document.kind !== 'manifest') continue;
    const { apiVersion, kind } = document.value;
    const where = `${describeObject(document.value)} (from ${document.template})`;
    const path = document.source ?? sourcePath(document, resolved);
    const verifier = verifierFor(entries, apiVersion, kind);
    if (!verifier) {
      const message = `${where}: no schema is registered for apiVersion ${JSON.stringify(apiVersion)} kind ${JSON.stringify(kind)}, so it cannot be verified (register one in src/verify/verifiers.ts, or build with --no-verify)`;
      diagnostics.push({ rule: codes.verify.id, severity: 'error', message, path });
      continue;
    }
    for (const problem of (await verifier)(document.value)) {
      const field = problem.pointer === '' ? '(the object)' : pointerSegments(problem.pointer).join('.');
      diagnostics.push({ rule: codes.verify.id, severity: 'error', message: `${where}: ${field} ${problem.message}`, path: patchedSource(document, problem.pointer) ?? path });
    }
  }
  return diagnostics;
}
