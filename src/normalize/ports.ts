import { pointer } from '../diagnostics/diagnostic.js';
import { wirePortName } from '../spec/port-name.js';
import type { Port, Ports, Service } from '../spec/schema.generated.js';
import { DEFAULTS } from './defaults.js';
import type { NormalizedPort, NormalizedService } from './model.js';

/** `ports` as given, or the one-port shorthand `port`/`protocol` (one port named after its protocol). */
export function normalizePorts(service: Service, servicePath: string): NormalizedPort[] {
  if (service.ports === undefined) {
    const protocol = service.protocol ?? DEFAULTS.protocol;
    const port = service.port ?? DEFAULTS.port;
    const field = service.port !== undefined ? '/port' : service.protocol !== undefined ? '/protocol' : '';
    return [toPort(protocol, { port, ...(service.protocol !== undefined && { protocol }) }, servicePath + field)];
  }
  return portMap(service.ports, servicePath);
}

/** A `ports` map (of a service or a sidecar at `path`), in the spec's order. */
export const portMap = (ports: Ports | undefined, path: string): NormalizedPort[] =>
  Object.entries(ports ?? {}).map(([name, port]) => toPort(name, port, `${path}${pointer('ports', name)}`));

function toPort(name: string, port: Port, path: string): NormalizedPort {
  const protocol = port.protocol ?? DEFAULTS.protocol;
  return {
    name,
    portName: wirePortName(name, protocol),
    port: port.port,
    servicePort: port.servicePort ?? port.port,
    protocol,
    protocolGiven: port.protocol !== undefined,
    expose: port.expose ?? true,
    path,
  };
}

/** Every port of the pod: the main container's, then each sidecar's. */
export const podPorts = (service: Pick<NormalizedService, 'ports' | 'sidecars'>): NormalizedPort[] => [
  ...service.ports,
  ...service.sidecars.flatMap((s) => s.ports),
];

/** The ports the Service exposes (the main container's first); none means no Service at all. */
export const exposedPorts = (service: Pick<NormalizedService, 'ports' | 'sidecars'>): NormalizedPort[] =>
  podPorts(service).filter((p) => p.expose);

/**
 * Which kinds of mesh route reach the service through its exposed ports: `http` (HTTP and gRPC ports) and
 * `tcp`. UDP is not proxied by Istio and gets no route.
 */
export function meshTraffic(service: Pick<NormalizedService, 'ports' | 'sidecars'>): { http: boolean; tcp: boolean } {
  const exposed = exposedPorts(service);
  return {
    http: exposed.some((p) => p.protocol === 'http' || p.protocol === 'grpc'),
    tcp: exposed.some((p) => p.protocol === 'tcp'),
  };
}
