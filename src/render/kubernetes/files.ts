import type { NormalizedService } from '../../normalize/model.js';
import { FILES_VOLUME } from '../../spec/files.js';
import { sha256 } from '../../util/sha256.js';

/**
 * The name of the ConfigMap holding a service's `files`: `<service>-files-<hash>`, the hash (10 hex digits of a
 * SHA-256) over every key and content. A changed file is a new ConfigMap the pod template names, so the pods roll
 * (as kustomize's configMapGenerator); a file mounted with `subPath` would otherwise never see the change.
 */
export function filesConfigMapName(service: NormalizedService): string {
  const hash = sha256();
  for (const file of service.files) hash.update(`${file.key}\0${file.content}\0`);
  return `${service.name}-files-${hash.digest('hex').slice(0, 10)}`;
}

/** The ConfigMap's `data`, by key (null: the service has no files). */
export function filesConfigMapData(service: NormalizedService): Record<string, string> | null {
  return service.files.length > 0 ? Object.fromEntries(service.files.map((f) => [f.key, f.content])) : null;
}

/** The pod volume of the files' ConfigMap (null: no files). */
export function filesVolume(service: NormalizedService): object | null {
  return service.files.length > 0 ? { name: FILES_VOLUME, configMap: { name: filesConfigMapName(service) } } : null;
}

/** The mount of one file at `mountPath` (its own path in the main container, or where an init container or sidecar wants it). */
export function fileMount(service: NormalizedService, file: string, mountPath: string): object {
  const { key } = service.files.find((f) => f.mountPath === file)!;
  return { name: FILES_VOLUME, mountPath, subPath: key, readOnly: true };
}
