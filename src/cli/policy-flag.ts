import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { checkOrgPolicy } from '../lint/engine.js';
import { loadPolicy, type LoadedPolicy } from '../load/policy.js';

/** Reads `--policy FILE`: the organisation policy, and its own problems (located in it). */
export function readPolicyFlag(file: string | undefined): { policy?: LoadedPolicy; diagnostics: Diagnostic[] } {
  if (file === undefined) return { diagnostics: [] };
  const loaded = loadPolicy(file);
  return { policy: loaded.policy, diagnostics: [...loaded.diagnostics, ...(loaded.policy ? checkOrgPolicy(loaded.policy) : [])] };
}
