import type { NormalizedPort, NormalizedService, NormalizedSystem } from '../../normalize/model.js';
import { mainPort } from '../../normalize/ports.js';
import { appSelector, serviceLabels, type Labels } from './labels.js';
import type { ResolvedSystem } from '../../resolve/resolve.js';
import { containerSettings, podSettings } from './pod.js';
import { extraContainers, mainContainerMounts, podVolumes, statefulSetFields, withNetworkInit } from './containers.js';
import { containerPorts } from './ports.js';

/** One Deployment: a service, or one of its versions. */
export interface Workload {
  name: string;
  version?: string;
  image: string;
}

/** The workload's kind: a StatefulSet for `workload: statefulset` (never with versions), else a Deployment. */
export const workloadKind = (service: NormalizedService) => (service.workload === 'statefulset' ? 'StatefulSet' : 'Deployment');

/** One Deployment per version when `versions` is set, else one named after the service. */
export function workloads(service: NormalizedService): Workload[] {
  if (service.versions.length === 0) return [{ name: service.name, image: service.image }];
  return service.versions.map((v) => ({ name: `${service.name}-${v.name}`, version: v.name, image: v.image }));
}

const spreadKeys = { zone: 'topology.kubernetes.io/zone', node: 'kubernetes.io/hostname' } as const;

/** A probe of a container on its main port (a service's, or a sidecar's own). */
export function probe(port: NormalizedPort | undefined, path: string | undefined): object | null {
  // validate rejects a probe on a container without ports.
  if (path === undefined || port === undefined) return null;
  if (path === 'grpc') return { grpc: { port: port.port } };
  // An HTTP path means nothing to a raw TCP server: probe that it accepts connections.
  if (port.protocol === 'tcp') return { tcpSocket: { port: port.portName } };
  return { httpGet: { path, port: port.portName } };
}

/**
 * Zone spread, only where zones exist: with `zones` declared, pods may not pile into one zone (DoNotSchedule,
 * maxSkew 1). No `minDomains`: during a zone outage the lost zone's nodes are tainted and, with
 * `nodeTaintsPolicy: Honor`, stop counting, so the skew is measured over the surviving zones and replacement
 * and scale-out pods still schedule there (minDomains equal to the zone count would make the global minimum 0
 * and block them). Without `zones`, a preference only (ScheduleAnyway): nodes without a zone label (kind,
 * minikube, most bare metal) would make a hard constraint leave every pod Pending. Node spread is always a
 * preference, as replicas may outnumber nodes.
 */
function topologySpread(system: NormalizedSystem, service: NormalizedService, selector: Labels): object[] | null {
  if (service.spread === 'none') return null;
  const hard = service.spread === 'zone' && system.zones.length > 0;
  return [
    {
      maxSkew: 1,
      topologyKey: spreadKeys[service.spread],
      whenUnsatisfiable: hard ? 'DoNotSchedule' : 'ScheduleAnyway',
      ...(hard && { nodeTaintsPolicy: 'Honor' }),
      labelSelector: { matchLabels: selector },
      // Spread each rollout's pods on their own, so old and new ReplicaSets do not skew each other (a
      // StatefulSet replaces its pods one by one in place: they spread together).
      ...(service.workload === 'deployment' && { matchLabelKeys: ['pod-template-hash'] }),
    },
  ];
}

/** Template context of `deployment.yaml.hbs`. */
export function deploymentContext(resolved: ResolvedSystem, service: NormalizedService, workload: Workload) {
  const system = resolved.system;
  const selector = workload.version !== undefined ? { ...appSelector(service), version: workload.version } : appSelector(service);
  const labels = serviceLabels(system, service, workload.version);
  return {
    kind: workloadKind(service),
    ...statefulSetFields(service),
    name: workload.name,
    namespace: system.namespace,
    labels,
    // An HPA (KEDA's, with lagAutoscale) owns the replica count when autoscaling.
    replicas: service.autoscale || service.lagAutoscale ? null : service.replicas,
    selector,
    podLabels: { ...labels, ...service.pod.labels },
    pod: withNetworkInit(service, podSettings(service)),
    volumes: podVolumes(service),
    container: {
      name: service.name,
      image: workload.image,
      ports: containerPorts(service.ports),
      ...containerSettings(resolved, service),
      readinessProbe: probe(mainPort(service), service.probes.readiness),
      livenessProbe: probe(mainPort(service), service.probes.liveness),
      startupProbe: probe(mainPort(service), service.probes.startup),
      volumeMounts: mainContainerMounts(service),
    },
    ...extraContainers(resolved, service),
    topologySpreadConstraints: topologySpread(system, service, selector),
  };
}
