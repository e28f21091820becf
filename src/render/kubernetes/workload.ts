import type { NormalizedProbe, NormalizedService, NormalizedSystem } from '../../normalize/model.js';
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
export const workloadKind = (service: NormalizedService): 'Deployment' | 'StatefulSet' =>
  service.workload === 'statefulset' ? 'StatefulSet' : 'Deployment';

/** One Deployment per version when `versions` is set, else one named after the service. */
export function workloads(service: NormalizedService): Workload[] {
  if (service.versions.length === 0) return [{ name: service.name, image: service.image }];
  return service.versions.map((v) => ({ name: `${service.name}-${v.name}`, version: v.name, image: v.image }));
}

const spreadKeys = { zone: 'topology.kubernetes.io/zone', node: 'kubernetes.io/hostname' } as const;

/** A container's probe as Kubernetes takes it (null: none). A port is given by name, except to gRPC (a number). */
export function probe(given: NormalizedProbe | undefined): object | null {
  if (given === undefined) return null;
  const { check, port } = given;
  const byName = typeof port === 'object' ? port.portName : port;
  const byNumber = typeof port === 'object' ? port.port : port;
  const handler =
    'http' in check
      ? { httpGet: { path: check.http, port: byName, ...(check.headers.length > 0 && { httpHeaders: check.headers }) } }
      : 'grpc' in check
        ? { grpc: { port: byNumber, ...(check.service !== undefined && { service: check.service }) } }
        : 'tcp' in check
          ? { tcpSocket: { port: byName } }
          : { exec: { command: check.exec } };
  const timings = (['initialDelaySeconds', 'periodSeconds', 'timeoutSeconds', 'failureThreshold'] as const).filter(
    (key) => given[key] !== undefined,
  );
  return { ...handler, ...Object.fromEntries(timings.map((key) => [key, given[key]])) };
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
  const selector =
    workload.version !== undefined
      ? Object.assign(appSelector(service), { version: workload.version })
      : appSelector(service);
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
      readinessProbe: probe(service.probes.readiness),
      livenessProbe: probe(service.probes.liveness),
      startupProbe: probe(service.probes.startup),
      volumeMounts: mainContainerMounts(service),
    },
    ...extraContainers(resolved, service),
    topologySpreadConstraints: topologySpread(system, service, selector),
  };
}
