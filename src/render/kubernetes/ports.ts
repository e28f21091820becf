import type { NormalizedPort } from '../../normalize/model.js';

const kubernetesProtocol = (port: NormalizedPort) => (port.protocol === 'udp' ? 'UDP' : 'TCP');

/** A container's `ports`, in the spec's order; null for a container without any. */
export function containerPorts(ports: readonly NormalizedPort[]): object[] | null {
  if (ports.length === 0) return null;
  return ports.map((port) => ({ name: port.portName, containerPort: port.port, protocol: kubernetesProtocol(port) }));
}

/**
 * A Service's `ports`: the exposed ones, by name. `appProtocol` tells Istio the protocol explicitly (besides the
 * name's prefix); UDP, which Istio does not proxy, has none.
 */
export function servicePorts(ports: readonly NormalizedPort[]): object[] {
  return ports
    .filter((port) => port.expose)
    .map((port) => ({
      name: port.portName,
      port: port.servicePort,
      targetPort: port.portName,
      protocol: kubernetesProtocol(port),
      ...(port.protocol !== 'udp' && { appProtocol: port.protocol }),
    }));
}
