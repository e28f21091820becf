import type { NormalizedService, NormalizedSystem } from '../../normalize/model.js';
import type { ResolvedSystem } from '../../resolve/resolve.js';
import { headlessServiceName, natsHost, serviceHost } from '../../resolve/addresses.js';
import type { SidecarContext } from '../contexts.js';
import { appSelector, serviceLabels, systemLabels } from '../kubernetes/labels.js';
import { meshRouted, versionServiceName } from '../gateway-api/routes.js';
/** Istio's own namespace: every proxy needs it (istiod, telemetry, the gateways). */
const ISTIO_NAMESPACE = 'istio-system';

const outboundModes = { 'registry-only': 'REGISTRY_ONLY', 'allow-any': 'ALLOW_ANY' } as const;

const outboundTrafficPolicy = (system: NormalizedSystem) =>
  system.mesh.outboundTraffic === undefined ? null : { mode: outboundModes[system.mesh.outboundTraffic] };

/**
 * The hosts a broker client reaches, as Sidecar egress hosts (`namespace/host`): the service running the broker
 * (and its headless Service for a StatefulSet), the host of `broker.bootstrap`, or the operator's Services
 * (Strimzi's `<cluster>-kafka-bootstrap` and `<cluster>-kafka-brokers`, the NATS cluster's Service).
 */
function brokerHosts(resolved: ResolvedSystem): string[] {
  const { system } = resolved;
  const { kind, cluster, namespace, bootstrap, service } = system.broker;
  const inMesh = service === undefined ? undefined : resolved.service(service);
  if (inMesh) {
    const names = [inMesh.name, ...(inMesh.workload === 'statefulset' ? [headlessServiceName(inMesh.name)] : [])];
    return names.map((name) => `./${serviceHost(system, name)}`);
  }
  if (bootstrap !== undefined) {
    const host = bootstrap
      .replace(/^[a-z]+:\/\//, '')
      .split(',')[0]!
      .replace(/:\d+$/, '');
    return [`*/${host}`];
  }
  if (kind === 'nats') return [`${namespace}/${natsHost(system.broker)}.cluster.local`];
  return ['bootstrap', 'brokers'].map(
    (suffix) => `${namespace}/${cluster}-kafka-${suffix}.${namespace}.svc.cluster.local`,
  );
}

/**
 * The service's egress scope: exactly what it calls (services by their in-cluster host, externals by their
 * hosts, as their ServiceEntries are declared in the system's namespace), the broker when it publishes or
 * subscribes, and istio-system. Sorted, without duplicates.
 */
export function egressHosts(resolved: ResolvedSystem, service: NormalizedService, gatewayApi = false): string[] {
  const { system } = resolved;
  const hosts = new Set<string>([`${ISTIO_NAMESPACE}/*`]);
  for (const { call } of resolved.calls(service.name)) {
    const external = resolved.external(call.service);
    if (external) for (const host of external.hosts) hosts.add(`./${host}`);
    else hosts.add(`./${serviceHost(system, call.service)}`);
    // Gateway API routes a callee's versions to their own Services, which the proxy must know too.
    const callee = gatewayApi ? resolved.service(call.service) : undefined;
    if (callee && meshRouted(callee))
      for (const v of callee.versions) hosts.add(`./${serviceHost(system, versionServiceName(callee.name, v.name))}`);
  }
  const usesBroker = service.publishes.length > 0 || service.subscribes.length > 0;
  if (usesBroker && system.broker.service !== service.name) for (const host of brokerHosts(resolved)) hosts.add(host);
  return [...hosts].sort();
}

/** Template context of `sidecar.yaml.hbs` for one service (`mesh.sidecarScope`). */
export function sidecarContext(
  resolved: ResolvedSystem,
  service: NormalizedService,
  gatewayApi = false,
): SidecarContext {
  const { system } = resolved;
  return {
    name: service.name,
    namespace: system.namespace,
    labels: serviceLabels(system, service),
    selector: appSelector(service),
    hosts: egressHosts(resolved, service, gatewayApi),
    outboundTrafficPolicy: outboundTrafficPolicy(system),
  };
}

/**
 * Without scoping, `mesh.outboundTraffic` still needs a Sidecar: the namespace's default one (no selector),
 * which keeps every host in scope. Null when there is nothing to say.
 */
export function namespaceSidecarContext(system: NormalizedSystem): SidecarContext | null {
  if (system.mesh.sidecarScope || system.mesh.outboundTraffic === undefined) return null;
  return {
    name: 'default',
    namespace: system.namespace,
    labels: systemLabels(system),
    selector: null,
    hosts: ['*/*'],
    outboundTrafficPolicy: outboundTrafficPolicy(system),
  };
}
