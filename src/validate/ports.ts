import { codes, type DiagnosticCode } from '../diagnostics/codes.js';
import { pointer, type Diagnostic } from '../diagnostics/diagnostic.js';
import { maxPortNameLength, wirePortName } from '../spec/port-name.js';

type Record_ = Record<string, unknown>;
const isRecord = (v: unknown): v is Record_ => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A port as the raw spec gives it (before normalize), with the pointer of its entry. */
export interface RawPort {
  name: string;
  port: unknown;
  protocol: string;
  servicePort: unknown;
  expose: boolean;
  path: string;
}

/**
 * The ports of a raw service's pod: `ports` (or the one-port shorthand, defaults as in normalize), then each
 * sidecar's `ports`.
 */
export function rawPorts(name: string, service: Record_): RawPort[] {
  const sidecars = (Array.isArray(service.sidecars) ? service.sidecars : []).flatMap((sidecar, index) =>
    isRecord(sidecar) && isRecord(sidecar.ports)
      ? portEntries(sidecar.ports, pointer('services', name, 'sidecars', index))
      : [],
  );
  return [...mainContainerPorts(name, service), ...sidecars];
}

/** The ports of a raw service's own container: `ports`, or the one-port shorthand (defaults as in normalize). */
export function mainContainerPorts(name: string, service: Record_): RawPort[] {
  if (!isRecord(service.ports)) {
    const protocol = typeof service.protocol === 'string' ? service.protocol : 'http';
    const port = service.port ?? 8080;
    return [
      { name: protocol, port, protocol, servicePort: port, expose: true, path: pointer('services', name, 'port') },
    ];
  }
  return portEntries(service.ports, pointer('services', name));
}

/** The entries of a `ports` map (of a service or a sidecar at `path`), in the spec's order. */
export function portEntries(ports: Record_, path: string): RawPort[] {
  return Object.entries(ports).map(([key, value]) => {
    const port = isRecord(value) ? value : {};
    return {
      name: key,
      port: port.port,
      protocol: typeof port.protocol === 'string' ? port.protocol : 'http',
      servicePort: port.servicePort ?? port.port,
      expose: port.expose !== false,
      path: `${path}${pointer('ports', key)}`,
    };
  });
}

/** Whether the service has a Service at all: a worker (`ports: {}`, or only `expose: false` ports) has none. */
export function hasExposedPort(name: string, service: Record_): boolean {
  return rawPorts(name, service).some((p) => p.expose);
}

/** Whether the mesh routes traffic to the service: an exposed TCP, HTTP or gRPC port (Istio does not proxy UDP). */
export function hasMeshPort(name: string, service: Record_): boolean {
  return rawPorts(name, service).some((p) => p.expose && p.protocol !== 'udp');
}

const kubernetesProtocol = (port: RawPort) => (port.protocol === 'udp' ? 'UDP' : 'TCP');

/**
 * Port checks of one service: `ports` not mixed with the shorthand, names that still fit Kubernetes' 15
 * characters once hamesh puts the protocol in front, no two ports on one number, name or Service port.
 */
export function checkPorts(name: string, service: Record_): Diagnostic[] {
  const out: Diagnostic[] = [];
  const error = (rule: DiagnosticCode, path: string, message: string) =>
    out.push({ rule, severity: 'error', message, path });
  if (isRecord(service.ports)) {
    for (const field of ['port', 'protocol'] as const) {
      if (service[field] !== undefined) {
        error(
          codes.conflictingFields.id,
          pointer('services', name, field),
          `cannot be combined with \`ports\`: give the port as an entry of \`ports\` (\`ports: {http: {port: 8080}}\`)`,
        );
      }
    }
  }
  const ports = rawPorts(name, service);
  const seen = {
    number: new Map<string, string>(),
    name: new Map<string, string>(),
    servicePort: new Map<string, string>(),
  };
  for (const port of ports) {
    const wire = wirePortName(port.name, port.protocol);
    // A name that is too long by itself is the schema's finding.
    if (wire !== port.name && port.name.length <= maxPortNameLength && wire.length > maxPortNameLength) {
      const room = maxPortNameLength - port.protocol.length - 1;
      error(
        codes.portName.id,
        port.path,
        `is written on the Service and container as '${wire}' (Istio reads the protocol from the name's prefix), which is longer than the ${maxPortNameLength} characters Kubernetes allows: shorten '${port.name}' to at most ${room} characters, or start it with '${port.protocol}-'`,
      );
    }
    // One finding per port: the first clash.
    let clashed = false;
    const duplicate = (kind: keyof typeof seen, key: string, message: (other: string) => string) => {
      const other = seen[kind].get(key);
      if (other === undefined) seen[kind].set(key, port.name);
      else if (!clashed) {
        clashed = true;
        error(codes.duplicatePort.id, port.path, message(other));
      }
    };
    const protocol = kubernetesProtocol(port);
    if (typeof port.port === 'number') {
      duplicate(
        'number',
        `${port.port}/${protocol}`,
        (other) => `uses container port ${port.port}/${protocol}, like '${other}'`,
      );
    }
    duplicate('name', wire, (other) => `is written as '${wire}', like '${other}': rename one of them`);
    if (port.expose && typeof port.servicePort === 'number') {
      duplicate(
        'servicePort',
        `${port.servicePort}/${protocol}`,
        (other) =>
          `is exposed on Service port ${port.servicePort}/${protocol}, like '${other}': set a different \`servicePort\``,
      );
    }
  }
  return out;
}

const externalOf = (service: Record_): Record_ | undefined =>
  isRecord(service.service) && isRecord(service.service.external) ? service.service.external : undefined;

/** The Service names a service takes: its own, its StatefulSet's headless one and (`withExternal`) its `service.external` one. */
function serviceNamesOf(name: string, service: Record_, withExternal: boolean): string[] {
  const external = withExternal ? externalOf(service) : undefined;
  return [
    name,
    ...(service.workload === 'statefulset' ? [`${name}-headless`] : []),
    ...(external ? [typeof external.name === 'string' ? external.name : `${name}-external`] : []),
  ];
}

/**
 * `service.external`: the service exposes a port, the ports it names are exposed ones, and its Service name is
 * taken by no other Service of the system.
 */
export function checkExternalService(services: Record_, name: string, service: Record_): Diagnostic[] {
  const external = externalOf(service);
  if (!external) return [];
  const out: Diagnostic[] = [];
  const error = (path: string, message: string, rule: DiagnosticCode = codes.invalidValue.id) =>
    out.push({ rule, severity: 'error', path, message });
  const path = pointer('services', name, 'service', 'external');
  const exposed = rawPorts(name, service)
    .filter((p) => p.expose)
    .map((p) => p.name);
  if (exposed.length === 0) error(path, `needs an exposed port, and '${name}' has none: add one to \`ports\``);
  else if (Array.isArray(external.ports)) {
    external.ports.forEach((port, i) => {
      if (typeof port === 'string' && !exposed.includes(port)) {
        error(
          `${path}/ports/${i}`,
          `refers to port '${port}', which '${name}' does not expose (its exposed ports: ${exposed.join(', ')})`,
          codes.unknownReference.id,
        );
      }
    });
  }
  const own = serviceNamesOf(name, service, true).at(-1)!;
  const taken = Object.entries(services).find(
    ([other, s]) => isRecord(s) && serviceNamesOf(other, s, other !== name).includes(own),
  )?.[0];
  if (taken !== undefined) {
    error(
      typeof external.name === 'string' ? `${path}/name` : path,
      `gives '${name}' a second Service named '${own}', which ${taken === name ? 'is its own' : `'${taken}' takes too`}: set another \`name\``,
    );
  }
  return out;
}
