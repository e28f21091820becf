import { Option } from 'commander';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { environmentsToRun } from '../environment/select.js';
import { loadSpec } from '../load/load.js';
import type { LoadedSpec } from '../load/source.js';

/** `--env NAME`, defaulting to HAMESH_ENV. */
export const environmentOption = () =>
  new Option('-e, --env <name>', "environment from the spec's `environments:` (default: every one it declares)").env(
    'HAMESH_ENV',
  );

/**
 * Runs `task` on the spec in `file` once per environment the run covers (see environmentsToRun). A finding
 * every environment reports alike (a problem of the shared part of the spec) is reported once, untagged.
 */
export async function forEachEnvironment(
  file: string,
  requested: string | undefined,
  task: (spec: LoadedSpec, environment: string | undefined) => Promise<Diagnostic[]> | Diagnostic[],
  timeoutMs?: number,
): Promise<Diagnostic[]> {
  const spec = await loadSpec(file, { timeoutMs });
  const environments = environmentsToRun(spec, requested);
  const runs: Diagnostic[][] = [];
  for (const environment of environments) runs.push(await task(spec, environment));
  if (environments.length < 2) return runs.flat();
  const key = ({ environment: _environment, ...rest }: Diagnostic) => JSON.stringify(rest);
  const counts = new Map<string, number>();
  for (const run of runs) for (const k of new Set(run.map(key))) counts.set(k, (counts.get(k) ?? 0) + 1);
  const common = new Set<string>();
  const result: Diagnostic[] = [];
  for (const d of runs.flat()) {
    const k = key(d);
    if (counts.get(k) !== environments.length) result.push(d);
    else if (!common.has(k)) {
      common.add(k);
      const { environment: _environment, ...untagged } = d;
      result.push(untagged);
    }
  }
  return result;
}
