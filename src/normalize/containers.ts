import { pointer } from '../diagnostics/diagnostic.js';
import type { ContainerSecurity, InitContainer, Service, Sidecar } from '../spec/schema.generated.js';
import { sortBy } from '../util/order.js';
import type { NormalizedExtraContainer, NormalizedSecurity, NormalizedStorage, NormalizedVolume } from './model.js';
import { portMap } from './ports.js';
import { normalizeProbes } from './probes.js';

/** `volumes`, sorted by name; a volume with neither `config` nor `secret` is an emptyDir. */
export function normalizeVolumes(service: Service, servicePath: string): NormalizedVolume[] {
  const volumes = Object.entries(service.volumes ?? {}).map(
    ([name, volume]): NormalizedVolume => ({
      name,
      mountPath: volume.path,
      source:
        volume.config !== undefined
          ? { config: volume.config }
          : volume.secret !== undefined
            ? { secret: volume.secret }
            : { emptyDir: { ...volume.emptyDir } },
      readOnly: volume.readOnly ?? false,
      path: `${servicePath}${pointer('volumes', name)}`,
    }),
  );
  return sortBy(volumes, (v) => v.name);
}

/** `storage`, sorted by name. */
export function normalizeStorage(service: Service, servicePath: string): NormalizedStorage[] {
  const storage = Object.entries(service.storage ?? {}).map(([name, volume]) => ({
    name,
    size: volume.size,
    mountPath: volume.path,
    ...(volume.class !== undefined && { class: volume.class }),
    path: `${servicePath}${pointer('storage', name)}`,
  }));
  return sortBy(storage, (v) => v.name);
}

/** The service's security with a container's own fields over it (`capabilities` as a whole). */
function containerSecurity(base: NormalizedSecurity, own: ContainerSecurity | undefined): NormalizedSecurity {
  if (own === undefined) return base;
  return {
    ...base,
    ...(own.runAsUser !== undefined && { runAsUser: own.runAsUser }),
    ...(own.runAsGroup !== undefined && { runAsGroup: own.runAsGroup }),
    ...(own.runAsNonRoot !== undefined && { runAsNonRoot: own.runAsNonRoot }),
    ...(own.readOnlyRootFilesystem !== undefined && { readOnlyRootFilesystem: own.readOnlyRootFilesystem }),
    ...(own.capabilities !== undefined && { capabilitiesAdd: [...(own.capabilities.add ?? [])].sort() }),
  };
}

/** `init` or `sidecars` of a service, in the spec's order. */
export function normalizeExtraContainers(
  field: 'init' | 'sidecars',
  entries: ReadonlyArray<InitContainer | Sidecar> | undefined,
  servicePath: string,
  security: NormalizedSecurity,
): NormalizedExtraContainer[] {
  return (entries ?? []).map((entry, index) => {
    const path = `${servicePath}${pointer(field, index)}`;
    const ports = 'ports' in entry ? portMap(entry.ports, path) : [];
    return {
      name: entry.name,
      image: entry.image,
      ...(entry.command && { command: [...entry.command] }),
      ...(entry.args && { args: [...entry.args] }),
      env: sortBy(
        Object.entries(entry.env ?? {}).map(([name, value]) => ({
          name,
          value,
          path: `${path}${pointer('env', name)}`,
        })),
        (v) => v.name,
      ),
      envFrom: (entry.envFrom ?? []).map((source) => ({ ...source })),
      ...(entry.resources && { resources: { ...entry.resources } }),
      security: containerSecurity(security, entry.security),
      mounts: sortBy(
        Object.entries(entry.mounts ?? {}).map(([volume, mountPath]) => ({ volume, mountPath })),
        (m) => m.volume,
      ),
      network: 'network' in entry ? (entry.network ?? false) : false,
      ports,
      probes: 'probes' in entry ? normalizeProbes(entry.probes, ports) : {},
      path,
    };
  });
}
