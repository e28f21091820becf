import { pointer } from '../diagnostics/diagnostic.js';
import { parseDuration } from '../spec/duration.js';
import type { Profile, Security, Service } from '../spec/schema.generated.js';
import { sortBy } from '../util/order.js';
import { DEFAULTS } from './defaults.js';
import type {
  NormalizedContainer,
  NormalizedEnvVar,
  NormalizedPod,
  NormalizedSecurity,
  NormalizedService,
} from './model.js';

/** A source of profile fields and its JSON Pointer: the service, its profile, `defaults` (highest precedence first). */
export type Layer = [fields: Profile | undefined, path: string];

/** The value of the first layer that sets `field`. */
function first<K extends keyof Profile>(layers: readonly Layer[], field: K): Profile[K] | undefined {
  return layers.find(([fields]) => fields?.[field] !== undefined)?.[0]?.[field];
}

/** A map merged per key across the layers: the highest layer's value of each key wins. */
function mergedMap(layers: readonly Layer[], field: 'labels' | 'annotations' | 'nodeSelector'): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const [fields] of [...layers].reverse()) Object.assign(merged, fields?.[field]);
  return Object.fromEntries(sortBy(Object.entries(merged), ([key]) => key));
}

/** Env merged per variable; each variable keeps the pointer of the layer it came from. */
function mergedEnv(layers: readonly Layer[]): NormalizedEnvVar[] {
  const byName = new Map<string, NormalizedEnvVar>();
  for (const [fields, path] of [...layers].reverse()) {
    for (const [name, value] of Object.entries(fields?.env ?? {}))
      byName.set(name, { name, value, path: `${path}${pointer('env', name)}` });
  }
  return sortBy([...byName.values()], (v) => v.name);
}

/** Security merged per field (`capabilities` as a whole), over the restricted-compliant defaults. */
function mergedSecurity(layers: readonly Layer[]): NormalizedSecurity {
  const pick = <K extends keyof Security>(key: K): Security[K] | undefined =>
    layers.find(([fields]) => fields?.security?.[key] !== undefined)?.[0]?.security?.[key];
  const runAsUser = pick('runAsUser');
  const runAsGroup = pick('runAsGroup');
  const fsGroup = pick('fsGroup');
  const readOnlyRootFilesystem = pick('readOnlyRootFilesystem');
  return {
    ...(runAsUser !== undefined && { runAsUser }),
    ...(runAsGroup !== undefined && { runAsGroup }),
    ...(fsGroup !== undefined && { fsGroup }),
    runAsNonRoot: pick('runAsNonRoot') ?? DEFAULTS.security.runAsNonRoot,
    ...(readOnlyRootFilesystem !== undefined && { readOnlyRootFilesystem }),
    capabilitiesAdd: [...(pick('capabilities')?.add ?? [])].sort(),
  };
}

/** Where the security fields lint judges are written: the layer that sets them (the service's own path for the default). */
function securityOrigin(layers: readonly Layer[], servicePath: string): NormalizedPod['origin'] {
  const layerOf = (key: keyof Security) => layers.find(([fields]) => fields?.security?.[key] !== undefined);
  const runAsNonRoot = layerOf('runAsNonRoot');
  const capabilities = layerOf('capabilities');
  return {
    runAsNonRoot: runAsNonRoot ? `${runAsNonRoot[1]}/security/runAsNonRoot` : servicePath,
    capabilitiesAdd: (capabilities?.[0]?.security?.capabilities?.add ?? []).map((capability, i) => ({
      capability,
      path: `${capabilities![1]}/security/capabilities/add/${i}`,
    })),
  };
}

/** Whole seconds, rounded up (Kubernetes' terminationGracePeriodSeconds is an integer). */
export function seconds(duration: string): number {
  const ms = parseDuration(duration);
  if (ms === undefined) throw new Error(`normalize: unvalidated duration ${JSON.stringify(duration)}`);
  return Math.ceil(ms / 1000);
}

/** The container, pod and Kubernetes Service settings of a service, with profiles and `defaults` applied. */
export function normalizePodSettings(
  name: string,
  service: Service,
  layers: readonly Layer[],
  exposedPortNames: readonly string[],
): Pick<NormalizedService, 'container' | 'pod' | 'kubernetesService'> {
  const imagePullPolicy = first(layers, 'imagePullPolicy');
  const grace = first(layers, 'terminationGracePeriod');
  const priorityClass = first(layers, 'priorityClass');
  const external = service.service?.external;
  const container: NormalizedContainer = {
    ...(service.command && { command: [...service.command] }),
    ...(service.args && { args: [...service.args] }),
    env: mergedEnv(layers),
    envFrom: (service.envFrom ?? []).map((source) => ({ ...source })),
    ...(imagePullPolicy !== undefined && { imagePullPolicy }),
  };
  const pod: NormalizedPod = {
    labels: mergedMap(layers, 'labels'),
    annotations: mergedMap(layers, 'annotations'),
    security: mergedSecurity(layers),
    origin: securityOrigin(layers, pointer('services', name)),
    serviceAccount: {
      name: service.serviceAccount?.name ?? name,
      annotations: { ...service.serviceAccount?.annotations },
    },
    imagePullSecrets: [...(first(layers, 'imagePullSecrets') ?? [])],
    ...(grace !== undefined && { terminationGracePeriodSeconds: seconds(grace) }),
    nodeSelector: mergedMap(layers, 'nodeSelector'),
    tolerations: (first(layers, 'tolerations') ?? []).map((t) => ({ ...t })),
    ...(priorityClass !== undefined && { priorityClass }),
  };
  return {
    container,
    pod,
    kubernetesService: {
      type: service.service?.type ?? DEFAULTS.serviceType,
      annotations: { ...service.service?.annotations },
      ...(external && {
        external: {
          name: external.name ?? `${name}-external`,
          type: external.type ?? 'LoadBalancer',
          annotations: { ...external.annotations },
          ports: [...(external.ports ?? exposedPortNames)],
        },
      }),
    },
  };
}
