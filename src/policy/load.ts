import { extname } from 'node:path';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { readFile } from '../load/load.js';
import { loadError, type LoadedSpec } from '../load/source.js';
import { loadYamlText } from '../load/yaml.js';
import type { Policy } from '../spec/schema.generated.js';
import { validateSchema } from '../validate/schema.js';
import { ruleSettings } from './settings.js';

/** An organisation policy file: the shape of a spec's `policy:` on its own (`hamesh.policy.yaml`). */
export interface LoadedPolicy extends LoadedSpec {
  policy: Policy;
}

const extensions = ['.yaml', '.yml', '.json'];

/**
 * Reads a policy file and checks it: its shape against `#/$defs/policy` in schemas/system.schema.json, then the
 * ids and options it configures or suppresses against the catalogue. Throws LoadError (exit code 2) when it
 * cannot be read or parsed. Its problems come back as pointers into it, for the pipeline to locate in `source`;
 * `policy` is present when its shape is valid.
 */
export function loadPolicy(file: string): { source: LoadedSpec; policy?: Policy; diagnostics: Diagnostic[] } {
  const extension = extname(file).toLowerCase();
  if (!extensions.includes(extension)) {
    throw loadError(
      file,
      `unsupported policy file type '${extension || '(none)'}': use one of ${extensions.join(', ')}`,
    );
  }
  const source = loadYamlText(file, readFile(file, 'policy file'), extension === '.json' ? 'json' : 'yaml');
  const data = source.data ?? {}; // an empty file is an empty policy
  const diagnostics = validateSchema(data, '#/$defs/policy');
  if (hasErrors(diagnostics)) return { source, diagnostics };
  const policy = data as Policy;
  return { source, policy, diagnostics: [...diagnostics, ...ruleSettings(policy, '').diagnostics] };
}
