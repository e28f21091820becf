import { realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { readInput, UnreadableInput } from '../util/read-input.js';

/** The most a service's `files` may hold in all: a ConfigMap's limit (1 MiB). */
export const MAX_FILES_BYTES = 1024 * 1024;

/** What a `files` entry's `{from: PATH}` read: the file's text, or why it cannot be used. */
export type FileSource = { content: string } | { problem: string };

type Record_ = Record<string, unknown>;
const isRecord = (v: unknown): v is Record_ => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every `from` of a `files` entry, in the services and in each environment's services. */
function fromPaths(data: unknown): string[] {
  const specs = [data, ...Object.values(isRecord(data) && isRecord(data.environments) ? data.environments : {})];
  return specs.flatMap((spec) =>
    Object.values(isRecord(spec) && isRecord(spec.services) ? spec.services : {}).flatMap((service) =>
      Object.values(isRecord(service) && isRecord(service.files) ? service.files : {}).flatMap((file) =>
        isRecord(file) && typeof file.from === 'string' ? [file.from] : [],
      ),
    ),
  );
}

/**
 * Reads one `from` path relative to the spec's folder. It must stay inside that folder once symbolic links are
 * followed (as kustomize's load restrictor: a spec cannot pull in ~/.ssh/id_rsa by accident), be a regular file
 * of at most MAX_FILES_BYTES, and be UTF-8 text.
 */
function readSource(folder: string, from: string): FileSource {
  if (isAbsolute(from)) return { problem: `is an absolute path: give it relative to the spec's folder (${folder})` };
  const inside = (path: string, root: string) => {
    const rel = relative(root, path);
    return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
  };
  const target = resolve(folder, from);
  if (!inside(target, folder))
    return { problem: `points outside the spec's folder (${folder}): move the file next to the spec` };
  let real: string;
  try {
    real = realpathSync(target);
  } catch {
    return { problem: `names ${target}, which does not exist` };
  }
  if (!inside(real, realpathSync(folder)))
    return { problem: `is a link to ${real}, outside the spec's folder: copy the file next to the spec` };
  const stat = statSync(real);
  if (!stat.isFile())
    return {
      problem: `names ${target}, which is ${stat.isDirectory() ? 'a folder' : 'not a regular file'}: give a file`,
    };
  if (stat.size > MAX_FILES_BYTES)
    return { problem: `names ${target}, which is larger than a ConfigMap can hold (1 MiB)` };
  try {
    return { content: readInput(real) };
  } catch (error) {
    if (error instanceof UnreadableInput)
      return {
        problem: `names ${target}, which hamesh cannot read: ${error.message.replace(/^cannot read (it|the file): /, '')}`,
      };
    throw error;
  }
}

/** The files the spec's `files` entries read with `{from}`, by `from` as written (load stage: the one place hamesh reads them). */
export function readFileSources(specFile: string, data: unknown): ReadonlyMap<string, FileSource> {
  const folder = dirname(resolve(specFile));
  return new Map([...new Set(fromPaths(data))].sort().map((from) => [from, readSource(folder, from)]));
}
