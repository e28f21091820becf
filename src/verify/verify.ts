import { codes } from '../diagnostics/codes.js';
import { pointerSegments, type Diagnostic } from '../diagnostics/diagnostic.js';
import { problemSource } from '../render/patches.js';
import type { RenderedDocument } from '../render/target.js';
import { fileVerifiers as registeredFiles, type FileVerifierEntry } from './files.js';
import type { Verifier, VerifierEntry } from './verifier.js';
import { verifiers as registered } from './verifiers.js';

/** Loaded validators, by registry entry: each is loaded at most once per process. */
const loaded = new WeakMap<Pick<VerifierEntry, 'load'>, Promise<Verifier>>();

function load(entry: Pick<VerifierEntry, 'load'>): Promise<Verifier> {
  let verifier = loaded.get(entry);
  if (!verifier) {
    verifier = entry.load();
    loaded.set(entry, verifier);
  }
  return verifier;
}

/** `Deployment shop/orders`, for messages. */
function describeObject(value: Record<string, unknown>): string {
  const metadata = (value.metadata ?? {}) as { name?: unknown; namespace?: unknown };
  const name = [metadata.namespace, metadata.name].filter((part) => typeof part === 'string').join('/');
  return `${String(value.kind)} ${name || '(unnamed)'}`;
}

/** The document's verifier, or why there is none (a manifest kind without a registered schema). */
function verifierOf(
  document: RenderedDocument,
  entries: readonly VerifierEntry[],
  files: Partial<Record<string, FileVerifierEntry>>,
): Promise<Verifier> | string {
  if (document.kind === 'file') {
    const entry = files[document.format];
    return entry
      ? load(entry)
      : `no schema is registered for the file format ${JSON.stringify(document.format)}, so it cannot be verified (register one in src/verify/files.ts, or build with --no-verify)`;
  }
  const { apiVersion, kind } = document.value;
  const entry = entries.find((e) => e.apiVersion === apiVersion && e.kind === kind);
  return entry
    ? load(entry)
    : `no schema is registered for apiVersion ${JSON.stringify(apiVersion)} kind ${JSON.stringify(kind)}, so it cannot be verified (register one in src/verify/verifiers.ts, or build with --no-verify)`;
}

/**
 * The verify stage: every document is checked against its schema, unknown fields included: a manifest against
 * the upstream schema of its apiVersion/kind, a standalone file (JetStream configs, the AsyncAPI catalog)
 * against the schema of its format. A document without a registered schema is an error too, so nothing goes
 * out unchecked. Findings are located at the spec entry each document came from (its `source`), or inside the
 * patch or passed-through object that wrote the field.
 */
export async function verify(
  documents: readonly RenderedDocument[],
  entries: readonly VerifierEntry[] = registered,
  files: Partial<Record<string, FileVerifierEntry>> = registeredFiles,
): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  for (const document of documents) {
    const where = `${document.kind === 'file' ? document.file : describeObject(document.value)} (from ${document.template})`;
    const verifier = verifierOf(document, entries, files);
    if (typeof verifier === 'string') {
      diagnostics.push({
        rule: codes.verify.id,
        severity: 'error',
        message: `${where}: ${verifier}`,
        path: document.source,
      });
      continue;
    }
    for (const problem of (await verifier)(document.value)) {
      const field = problem.pointer === '' ? '(the object)' : pointerSegments(problem.pointer).join('.');
      diagnostics.push({
        rule: codes.verify.id,
        severity: 'error',
        message: `${where}: ${field} ${problem.message}`,
        path: problemSource(document, problem.pointer),
      });
    }
  }
  return diagnostics;
}
