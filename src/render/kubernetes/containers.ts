import type { NormalizedExtraContainer, NormalizedService } from '../../normalize/model.js';
import { headlessServiceName } from '../../resolve/addresses.js';
import type { ResolvedSystem } from '../../resolve/resolve.js';
import { sortBy } from '../../util/order.js';
import { containerEnv } from './env.js';
import { fileMount, filesVolume } from './files.js';
import { containerResources, containerSecurityContext, envFromSource } from './pod.js';
import { containerPorts } from './ports.js';
import { probe } from './workload.js';

/**
 * Istio's per-pod switch to a native sidecar proxy (an init container with `restartPolicy: Always`, Kubernetes
 * 1.29+). Istio then puts the proxy before the pod's own init containers, so they start with the mesh up and
 * their calls carry the pod's mTLS identity (which STRICT mTLS and the AuthorizationPolicies require).
 */
const nativeSidecarAnnotation = 'sidecar.istio.io/nativeSidecar';

/** The pod settings, with the native sidecar annotation when an init container needs the network. */
export function withNetworkInit<T extends { annotations: Record<string, string> | null }>(
  service: NormalizedService,
  pod: T,
): T {
  if (!service.init.some((c) => c.network)) return pod;
  return { ...pod, annotations: { ...pod.annotations, [nativeSidecarAnnotation]: 'true' } };
}

/** The pod's `volumes` (the files' ConfigMap among them), sorted by name; null without any. */
export function podVolumes(service: NormalizedService): object[] | null {
  const volumes: Array<{ name: string }> = service.volumes.map(({ name, source }) => {
    if ('config' in source) return { name, configMap: { name: source.config } };
    if ('secret' in source) return { name, secret: { secretName: source.secret } };
    return {
      name,
      emptyDir: {
        ...source.emptyDir,
        ...(source.emptyDir.sizeLimit !== undefined && { sizeLimit: String(source.emptyDir.sizeLimit) }),
      },
    };
  });
  const files = filesVolume(service);
  if (files) volumes.push(files as { name: string });
  return volumes.length > 0 ? sortBy(volumes, (v) => v.name) : null;
}

/** Every volume and persistent volume mounted into the main container at its `path`, by name; then each file, by path. */
export function mainContainerMounts(service: NormalizedService): object[] | null {
  const mounts = [
    ...service.volumes.map((v) => ({ name: v.name, mountPath: v.mountPath, ...(v.readOnly && { readOnly: true }) })),
    ...service.storage.map((v) => ({ name: v.name, mountPath: v.mountPath })),
  ];
  const all = [
    ...sortBy(mounts, (m) => m.name),
    ...service.files.map((f) => fileMount(service, f.mountPath, f.mountPath)),
  ];
  return all.length > 0 ? all : null;
}

/** `serviceName` and `volumeClaimTemplates` of a StatefulSet (one ReadWriteOnce claim per pod and `storage` entry). */
export function statefulSetFields(service: NormalizedService): {
  serviceName?: string;
  volumeClaimTemplates?: object[];
} {
  if (service.workload !== 'statefulset') return {};
  return {
    serviceName: headlessServiceName(service.name),
    ...(service.storage.length > 0 && {
      volumeClaimTemplates: service.storage.map((v) => ({
        metadata: { name: v.name },
        spec: {
          accessModes: ['ReadWriteOnce'],
          ...(v.class !== undefined && { storageClassName: v.class }),
          resources: { requests: { storage: v.size } },
        },
      })),
    }),
  };
}

/** Per-container securityContext fields that override the pod's (an init container's own user, say). */
function containerIdentity(container: NormalizedExtraContainer, service: NormalizedService): object {
  const own = container.security;
  const pod = service.pod.security;
  return {
    ...(own.runAsUser !== pod.runAsUser && own.runAsUser !== undefined && { runAsUser: own.runAsUser }),
    ...(own.runAsGroup !== pod.runAsGroup && own.runAsGroup !== undefined && { runAsGroup: own.runAsGroup }),
    ...(own.runAsNonRoot !== pod.runAsNonRoot && { runAsNonRoot: own.runAsNonRoot }),
  };
}

function extraContainer(
  resolved: ResolvedSystem,
  service: NormalizedService,
  container: NormalizedExtraContainer,
): object {
  const env = containerEnv(resolved, service, container.name, container.env);
  const resources = containerResources(container.resources);
  const probes = {
    readinessProbe: probe(container.probes.readiness),
    livenessProbe: probe(container.probes.liveness),
    startupProbe: probe(container.probes.startup),
  };
  return {
    name: container.name,
    image: container.image,
    ...(container.command && { command: container.command }),
    ...(container.args && container.args.length > 0 && { args: container.args }),
    ...(container.ports.length > 0 && { ports: containerPorts(container.ports) }),
    ...(env.length > 0 && { env }),
    ...(container.envFrom.length > 0 && { envFrom: container.envFrom.map(envFromSource) }),
    ...(resources && { resources }),
    ...Object.fromEntries(Object.entries(probes).filter(([, value]) => value !== null)),
    ...(container.mounts.length > 0 && {
      // A `files` path mounts that one file; any other key names a volume.
      volumeMounts: container.mounts.map(({ volume, mountPath }) =>
        volume.startsWith('/') ? fileMount(service, volume, mountPath) : { name: volume, mountPath },
      ),
    }),
    securityContext: { ...containerSecurityContext(container.security), ...containerIdentity(container, service) },
  };
}

/** The pod's init containers and sidecars (null = none). */
export function extraContainers(resolved: ResolvedSystem, service: NormalizedService) {
  const render = (containers: NormalizedExtraContainer[]) =>
    containers.length > 0 ? containers.map((c) => extraContainer(resolved, service, c)) : null;
  return { initContainers: render(service.init), sidecars: render(service.sidecars) };
}
