import type { NormalizedService, NormalizedSystem } from '../normalize/model.js';
import { exposedPorts } from '../normalize/ports.js';

/** A port a service's Kubernetes Service exposes. */
export interface ServicePort {
  name: string;
  port: number;
}

/** The ports of a service's ClusterIP Service, by their spec names (the one-port shorthand's is its protocol). */
function servicePorts(service: NormalizedService): ServicePort[] {
  return exposedPorts(service).map((port) => ({ name: port.name, port: port.servicePort }));
}

/** The port a reference means: the named one, else the main port (the first exposed one). */
export function servicePort(service: NormalizedService, name?: string): ServicePort | undefined {
  const ports = servicePorts(service);
  return name === undefined ? ports[0] : ports.find((p) => p.name === name);
}

/** `NAME.NAMESPACE.svc.cluster.local`: the in-cluster host of a Service. */
export function serviceHost(system: NormalizedSystem, name: string): string {
  return `${name}.${system.namespace}.svc.cluster.local`;
}

/** The headless Service of a StatefulSet service, which gives each pod a stable host. */
export const headlessServiceName = (service: string) => `${service}-headless`;

/** The NATS cluster's Service host (the NATS Helm chart names it after the cluster): clients on 4222, monitoring on 8222. */
export const natsHost = ({ cluster, namespace }: NormalizedSystem['broker']) => `${cluster}.${namespace}.svc`;

/**
 * The address clients bootstrap from: `broker.bootstrap` as given, the service that runs the broker (`broker.service`, its first port),
 * Strimzi's bootstrap Service, or the NATS cluster's client Service.
 */
export function brokerBootstrap(system: NormalizedSystem): string {
  const { kind, cluster, namespace, auth, bootstrap } = system.broker;
  if (bootstrap !== undefined) return bootstrap;
  const inMesh = system.services.find((s) => s.name === system.broker.service);
  if (inMesh) {
    const port = servicePort(inMesh)?.port;
    const address =
      port === undefined ? serviceHost(system, inMesh.name) : `${serviceHost(system, inMesh.name)}:${port}`;
    return kind === 'nats' ? `nats://${address}` : address;
  }
  if (kind === 'nats') return `nats://${natsHost(system.broker)}:4222`;
  // Strimzi names the bootstrap Service <cluster>-kafka-bootstrap; by convention 9092 is the plain listener
  // and 9093 the TLS one, which mTLS client authentication (broker.auth: tls) needs.
  return `${cluster}-kafka-bootstrap.${namespace}.svc:${auth === 'tls' ? 9093 : 9092}`;
}
