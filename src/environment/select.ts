import { pointer } from '../diagnostics/diagnostic.js';
import { loadError, type LoadedSpec } from '../load/source.js';
import { deepMerge, longestPrefixIn } from './merge.js';

/** A spec with one environment applied: `data` is the merged spec, `locate` finds the line of the value that won. */
export interface EnvironmentSpec extends LoadedSpec {
  environment: string;
  /** Where the value at `path` of the merged spec is written: `/environments/NAME…` for an override, else `path`. */
  sourceOf(path: string): string;
}

const environmentsOf = (data: unknown): Record<string, unknown> | undefined => {
  const environments = (data as { environments?: unknown } | null)?.environments;
  return typeof environments === 'object' && environments !== null && !Array.isArray(environments)
    ? (environments as Record<string, unknown>)
    : undefined;
};

/** The environments a spec declares, sorted. */
export function environmentNames(data: unknown): string[] {
  return Object.keys(environmentsOf(data) ?? {}).sort();
}

/**
 * The environments one run covers: the one asked for (`--env`, HAMESH_ENV), else every declared one, else
 * `undefined` (the spec as written). Asking for an environment the spec does not declare is unusable input (LoadError).
 */
export function environmentsToRun(spec: LoadedSpec, requested: string | undefined): Array<string | undefined> {
  if (requested !== undefined) return [requireEnvironment(spec, requested)];
  const names = environmentNames(spec.data);
  return names.length > 0 ? names : [undefined];
}

function requireEnvironment(spec: LoadedSpec, name: string): string {
  const names = environmentNames(spec.data);
  if (names.includes(name)) return name;
  const declared = names.length > 0 ? `it declares ${names.join(', ')}` : 'it declares no `environments:`';
  throw loadError(
    spec.file,
    `unknown environment '${name}' (from --env or HAMESH_ENV): ${declared}`,
    spec.locate('/environments'),
  );
}

/** The spec with environment `name` deep-merged over it (see deepMerge); the `environments` block itself stays. */
export function applyEnvironment(spec: LoadedSpec, name: string): EnvironmentSpec {
  const { data, overridden } = deepMerge(spec.data, environmentsOf(spec.data)?.[requireEnvironment(spec, name)]);
  const base = pointer('environments', name);
  const sourceOf = (path: string) => (longestPrefixIn(path, overridden) === undefined ? path : base + path);
  return { ...spec, data, environment: name, sourceOf, locate: (path) => spec.locate(sourceOf(path)) };
}
