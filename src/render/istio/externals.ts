import { externalHttp } from '../../normalize/istio.js';
import type { NormalizedExternal, NormalizedSystem } from '../../normalize/model.js';
import type { DestinationRuleContext, ServiceEntryContext, VirtualServiceContext } from '../contexts.js';
import { systemLabels } from '../kubernetes/labels.js';
import { connectionPool, outlierDetection } from './destination-rule.js';
import { timeoutAndRetries } from './http-route.js';

const istioProtocols = { http: 'HTTP', https: 'HTTPS', tls: 'TLS', tcp: 'TCP', grpc: 'GRPC' } as const;
const resolutions = { dns: 'DNS', static: 'STATIC', none: 'NONE' } as const;

const externalLabels = (system: NormalizedSystem, external: NormalizedExternal) => ({
  'app.kubernetes.io/name': external.name,
  ...systemLabels(system),
});

/**
 * The DestinationRule and VirtualService of an external are per host (both take one host): named after the
 * external for its only host, `<external>-<n>` (in `hosts` order) when it has several.
 */
const perHostName = (external: NormalizedExternal, index: number) =>
  external.hosts.length === 1 ? external.name : `${external.name}-${index + 1}`;

/** Template context of `serviceentry.yaml.hbs`: the external as a MESH_EXTERNAL ServiceEntry named after it. */
export function serviceEntryContext(system: NormalizedSystem, external: NormalizedExternal): ServiceEntryContext {
  return {
    name: external.name,
    namespace: system.namespace,
    labels: externalLabels(system, external),
    hosts: external.hosts,
    addresses: external.addresses.length > 0 ? external.addresses : null,
    ports: external.ports.map((p) => ({
      number: p.port,
      name: p.name,
      protocol: istioProtocols[p.protocol],
      ...(p.targetPort !== p.port && { targetPort: p.targetPort }),
    })),
    resolution: resolutions[external.resolution],
    endpoints: external.endpoints.length > 0 ? external.endpoints.map((address) => ({ address })) : null,
  };
}

/**
 * Template contexts of `destinationrule.yaml.hbs`, one per host: the circuit breaker (outlier detection and
 * connection limits) and TLS origination (mode SIMPLE on each `originateTls` port, with the host as SNI unless
 * it is a wildcard). None when the external has neither.
 */
export function externalDestinationRuleContexts(
  system: NormalizedSystem,
  external: NormalizedExternal,
): DestinationRuleContext[] {
  const originated = external.ports.filter((p) => p.originateTls);
  const policy = {
    ...(external.circuitBreaker && {
      connectionPool: connectionPool(external.circuitBreaker, externalHttp(external)),
      outlierDetection: outlierDetection(external.circuitBreaker),
    }),
  };
  const defined = Object.fromEntries(Object.entries(policy).filter(([, value]) => value !== undefined));
  if (Object.keys(defined).length === 0 && originated.length === 0) return [];
  return external.hosts.map((host, index) => {
    const tls = { mode: 'SIMPLE', ...(!host.startsWith('*') && { sni: host }) };
    const portLevelSettings = originated.map((p) => ({ port: { number: p.port }, tls }));
    return {
      name: perHostName(external, index),
      namespace: system.namespace,
      labels: externalLabels(system, external),
      host,
      trafficPolicy: { ...defined, ...(portLevelSettings.length > 0 && { portLevelSettings }) },
      subsets: null,
    };
  });
}

/**
 * Template contexts of `virtualservice.yaml.hbs`, one per host, when the external sets a timeout or retries:
 * a route per http/grpc port (matched by port when there are several) carrying them. Validation keeps them
 * off wildcard hosts and externals without such a port.
 */
export function externalVirtualServiceContexts(
  system: NormalizedSystem,
  external: NormalizedExternal,
): VirtualServiceContext[] {
  if ((external.timeoutMs === undefined && !external.retries) || !externalHttp(external)) return [];
  const ports = external.ports.filter((p) => p.protocol === 'http' || p.protocol === 'grpc');
  return external.hosts.map((host, index) => ({
    name: perHostName(external, index),
    namespace: system.namespace,
    labels: externalLabels(system, external),
    hosts: [host],
    gateways: null,
    http: ports.map((p) => ({
      ...(ports.length > 1 && { match: [{ port: p.port }] }),
      route: [{ destination: { host, port: { number: p.port } } }],
      ...timeoutAndRetries(external.timeoutMs, external.retries),
    })),
    tcp: null,
  }));
}
