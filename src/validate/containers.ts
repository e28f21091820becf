import { codes, type DiagnosticCode } from '../diagnostics/codes.js';
import { pointer } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../util/suggest.js';
import { checkEnvReferences, type SpecIndex } from './workload.js';

type Record_ = Record<string, unknown>;
type Report = (rule: DiagnosticCode, path: string, message: string) => void;
const isRecord = (v: unknown): v is Record_ => typeof v === 'object' && v !== null && !Array.isArray(v);
const entries = (v: unknown): Array<[string, unknown]> => (isRecord(v) ? Object.entries(v) : []);

/**
 * Checks of a service's volumes, init containers and sidecars: one source per volume, no two mounts on one
 * path, container names unique in the pod, `mounts` naming a declared volume or file, env references as for the
 * service's own env.
 */
export function checkContainers(index: SpecIndex, name: string, service: Record_, report: Report): void {
  const path = pointer('services', name);
  const volumes = entries(service.volumes);
  const mountPaths = new Map<string, string>();
  for (const [volume, spec] of volumes) {
    if (!isRecord(spec)) continue;
    const sources = ['emptyDir', 'config', 'secret'].filter((source) => spec[source] !== undefined);
    if (sources.length > 1) {
      report(
        codes.conflictingFields.id,
        `${path}${pointer('volumes', volume)}`,
        `has ${sources.join(' and ')}: a volume is one of emptyDir (the default), config or secret`,
      );
    }
    if (typeof spec.path === 'string') {
      const other = mountPaths.get(spec.path);
      if (other !== undefined)
        report(
          codes.duplicateMount.id,
          `${path}${pointer('volumes', volume, 'path')}`,
          `mounts at ${spec.path}, like volume '${other}'`,
        );
      else mountPaths.set(spec.path, volume);
    }
  }
  const storage = entries(service.storage);
  const statefulSet = service.workload === 'statefulset';
  if (storage.length > 0 && !statefulSet) {
    report(
      codes.invalidValue.id,
      `${path}/storage`,
      'needs `workload: statefulset` (a claim per pod); for scratch space use `volumes` (an emptyDir)',
    );
  }
  if (statefulSet && service.versions !== undefined) {
    report(
      codes.invalidValue.id,
      `${path}/versions`,
      'cannot split a StatefulSet: its pods keep one identity and one set of claims each; use a Deployment for versions',
    );
  }
  if (statefulSet && isRecord(index.services[`${name}-headless`])) {
    report(
      codes.invalidValue.id,
      `${path}/workload`,
      `gives '${name}' a headless Service named '${name}-headless', like the service '${name}-headless': rename one of them`,
    );
  }
  for (const [volume, spec] of storage) {
    if (volumes.some(([other]) => other === volume))
      report(
        codes.duplicateVolume.id,
        `${path}${pointer('storage', volume)}`,
        `has the name of a volume in \`volumes\`: volume names must be unique in the pod`,
      );
    if (!isRecord(spec) || typeof spec.path !== 'string') continue;
    const other = mountPaths.get(spec.path);
    if (other !== undefined)
      report(
        codes.duplicateMount.id,
        `${path}${pointer('storage', volume, 'path')}`,
        `mounts at ${spec.path}, like volume '${other}'`,
      );
    else mountPaths.set(spec.path, volume);
  }
  for (const [file] of entries(service.files)) {
    const other = mountPaths.get(file);
    if (other !== undefined)
      report(
        codes.duplicateMount.id,
        `${path}${pointer('files', file)}`,
        `is mounted at the path of volume '${other}'`,
      );
  }
  const volumeNames = [...volumes, ...storage].map(([volume]) => volume);
  const files = entries(service.files).map(([file]) => file);
  const containerNames = new Map<string, string>([[name, path]]);
  for (const field of ['init', 'sidecars'] as const) {
    (Array.isArray(service[field]) ? service[field] : []).forEach((container: unknown, i: number) => {
      if (!isRecord(container)) return;
      const at = `${path}${pointer(field, i)}`;
      if (typeof container.name === 'string') {
        const other = containerNames.get(container.name);
        if (other !== undefined) {
          report(
            codes.duplicateContainer.id,
            `${at}/name`,
            `is the name of another container of the pod (${other === path ? "the service's own" : other}): container names must be unique`,
          );
        } else containerNames.set(container.name, at);
      }
      for (const [volume] of entries(container.mounts)) {
        if (volume.startsWith('/')) {
          if (!files.includes(volume)) {
            report(
              codes.unknownReference.id,
              `${at}${pointer('mounts', volume)}`,
              `refers to file '${volume}', which '${name}' does not declare in \`files\`${didYouMean(volume, files)}`,
            );
          }
        } else if (!volumeNames.includes(volume)) {
          report(
            codes.unknownReference.id,
            `${at}${pointer('mounts', volume)}`,
            `refers to volume '${volume}', which '${name}' does not declare in \`volumes\` or \`storage\`${didYouMean(volume, volumeNames)}`,
          );
        }
      }
      const env = new Map(
        entries(container.env).map(([key, value]) => [key, { value, path: `${at}${pointer('env', key)}` }]),
      );
      checkEnvReferences(index, name, service, env, report);
    });
  }
}
