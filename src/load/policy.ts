import { extname } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import type { Policy } from '../spec/schema.generated.js';
import { validateSchema } from '../validate/schema.js';
import { loadError, locateAll, type LoadedSpec } from './source.js';
import { readFile } from './load.js';
import { loadYamlText } from './yaml.js';

/** An organisation policy file: the shape of a spec's `policy:` on its own (`hamesh.policy.yaml`). */
export interface LoadedPolicy extends LoadedSpec {
  policy: Policy;
}

const extensions = ['.yaml', '.yml', '.json'];

/**
 * Reads a policy file and checks it against `#/$defs/policy` in schemas/system.schema.json. Throws
 * LoadError (exit code 2) when it cannot be read or parsed; shape problems come back as located diagnostics.
 */
export function loadPolicy(file: string): { policy?: LoadedPolicy; diagnostics: Diagnostic[] } {
  const extension = extname(file).toLowerCase();
  if (!extensions.includes(extension)) {
    throw loadError(file, `unsupported policy file type '${extension || '(none)'}': use one of ${extensions.join(', ')}`);
  }
  const text = readFile(file, 'policy file');
  const loaded = loadYamlText(file, text, extension === '.json' ? 'json' : 'yaml');
  const data = loaded.data ?? {}; // an empty file is an empty policy
  const diagnostics = locateAll(validateSchema(data, '#/$defs/policy'), loaded);
  if (hasErrors(diagnostics)) return { diagnostics };
  return { policy: { ...loaded, policy: data as Policy }, diagnostics };
}
