import { pointer } from '../diagnostics/diagnostic.js';
import type { FileSource } from '../load/files.js';
import type { Service } from '../spec/schema.generated.js';
import { compareStrings } from '../util/order.js';
import type { NormalizedFile } from './model.js';

/** A ConfigMap key (`[-._a-zA-Z0-9]+`, at most 253 characters) from a file's name. */
const keyOf = (mountPath: string) =>
  mountPath
    .slice(mountPath.lastIndexOf('/') + 1)
    .replace(/[^-._a-zA-Z0-9]/g, '_')
    .slice(-200);

/**
 * A service's `files`, sorted by path, each with its content (a `{from}` file's as the load stage read it) and its
 * ConfigMap key: the file's name, or — when two names would give the same key — its position and name
 * (`0-app.conf`, `1-app.conf`), so keys never clash and stay the same for the same spec.
 */
export function normalizeFiles(
  service: Service,
  servicePath: string,
  fileSources: ReadonlyMap<string, FileSource> | undefined,
): NormalizedFile[] {
  const files = Object.entries(service.files ?? {}).sort(([a], [b]) => compareStrings(a, b));
  const names = files.map(([mountPath]) => keyOf(mountPath));
  const unique = new Set(names).size === names.length;
  return files.map(([mountPath, file], index) => {
    const source = typeof file === 'string' ? { content: file } : fileSources?.get(file.from);
    if (source === undefined || !('content' in source))
      throw new Error(`normalize: unread file ${JSON.stringify(mountPath)}`);
    return {
      mountPath,
      key: unique ? names[index]! : `${index}-${names[index]!}`,
      content: source.content,
      path: `${servicePath}${pointer('files', mountPath)}`,
    };
  });
}
