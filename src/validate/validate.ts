import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { FileSource } from '../load/files.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import type { System } from '../spec/schema.generated.js';
import { validateSchema } from './schema.js';
import { validateSemantics } from './semantic.js';

export type Validation =
  | { ok: true; spec: System; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

/**
 * Shape (JSON Schema) and semantic checks together, so one run reports every problem it can find. `fileSources`:
 * what the load stage read for `files` entries' `{from}` (without it, every `{from}` is reported).
 */
export function validate(data: unknown, fileSources?: ReadonlyMap<string, FileSource>): Validation {
  const diagnostics = [...validateSchema(data), ...validateSemantics(data, fileSources)];
  return hasErrors(diagnostics) ? { ok: false, diagnostics } : { ok: true, spec: data as System, diagnostics };
}
