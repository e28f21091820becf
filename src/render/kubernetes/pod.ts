import type { NormalizedSecurity, NormalizedService } from '../../normalize/model.js';
import type { ResolvedSystem } from '../../resolve/resolve.js';
import type { EnvFrom, Resources } from '../../spec/schema.generated.js';
import { containerEnv } from './env.js';
import { cpuQuantity, memoryQuantity } from './quantity.js';

const nonEmpty = <T extends object>(value: T): T | null => (Object.keys(value).length > 0 ? value : null);

/** Requests and limits. Without explicit limits: a memory limit equal to the request, and no CPU limit. */
export function containerResources(given: Resources | undefined): object | null {
  const { cpu, memory, limits } = given ?? {};
  // A memory limit equal to the request keeps a leaking pod from starving its neighbours; no CPU limit by
  // default, which would only throttle. A limit given without a request makes Kubernetes request the limit.
  const limitMemory = limits?.memory ?? memory;
  // Built field by field, not from conditional spreads: V8 gave each object built so a hidden class of its own.
  const requests: Record<string, string> = {};
  if (cpu !== undefined) requests.cpu = cpuQuantity(cpu);
  if (memory !== undefined) requests.memory = memoryQuantity(memory);
  const limit: Record<string, string> = {};
  if (limits?.cpu !== undefined) limit.cpu = cpuQuantity(limits.cpu);
  if (limitMemory !== undefined) limit.memory = memoryQuantity(limitMemory);
  const resources: { requests?: object; limits?: object } = {};
  if (nonEmpty(requests)) resources.requests = requests;
  if (nonEmpty(limit)) resources.limits = limit;
  return nonEmpty(resources);
}

/** The pod's securityContext: user, groups and `runAsNonRoot`, and the runtime's default seccomp profile (Pod Security "restricted"). */
function podSecurityContext(security: NormalizedSecurity): object {
  return {
    runAsNonRoot: security.runAsNonRoot,
    ...(security.runAsUser !== undefined && { runAsUser: security.runAsUser }),
    ...(security.runAsGroup !== undefined && { runAsGroup: security.runAsGroup }),
    ...(security.fsGroup !== undefined && { fsGroup: security.fsGroup }),
    seccompProfile: { type: 'RuntimeDefault' },
  };
}

/** Every container's securityContext (init containers and sidecars too): no privilege escalation, ALL capabilities dropped. */
export function containerSecurityContext(security: NormalizedSecurity): object {
  return {
    allowPrivilegeEscalation: false,
    capabilities: { drop: ['ALL'], ...(security.capabilitiesAdd.length > 0 && { add: security.capabilitiesAdd }) },
    ...(security.readOnlyRootFilesystem !== undefined && { readOnlyRootFilesystem: security.readOnlyRootFilesystem }),
  };
}

export function envFromSource(source: EnvFrom[number]): object {
  const optional = source.optional !== undefined ? { optional: source.optional } : {};
  return {
    ...(source.prefix !== undefined && { prefix: source.prefix }),
    ...('secret' in source
      ? { secretRef: { name: source.secret, ...optional } }
      : { configMapRef: { name: source.config, ...optional } }),
  };
}

/** The main container's fields besides name, image, ports and probes (null = leave the field out). */
export function containerSettings(resolved: ResolvedSystem, service: NormalizedService) {
  const { container, pod } = service;
  const env = containerEnv(resolved, service, service.name, container.env);
  return {
    imagePullPolicy: container.imagePullPolicy ?? null,
    command: container.command ?? null,
    args: container.args && container.args.length > 0 ? container.args : null,
    env: env.length > 0 ? env : null,
    envFrom: container.envFrom.length > 0 ? container.envFrom.map(envFromSource) : null,
    resources: containerResources(service.resources),
    securityContext: containerSecurityContext(pod.security),
  };
}

/** Pod-level fields of the template (null = leave the field out). */
export function podSettings(service: NormalizedService) {
  const { pod } = service;
  return {
    annotations: nonEmpty(pod.annotations),
    serviceAccountName: pod.serviceAccount.name,
    priorityClassName: pod.priorityClass ?? null,
    terminationGracePeriodSeconds: pod.terminationGracePeriodSeconds ?? null,
    imagePullSecrets: pod.imagePullSecrets.length > 0 ? pod.imagePullSecrets.map((name) => ({ name })) : null,
    nodeSelector: nonEmpty(pod.nodeSelector),
    tolerations: pod.tolerations.length > 0 ? pod.tolerations : null,
    securityContext: podSecurityContext(pod.security),
  };
}
