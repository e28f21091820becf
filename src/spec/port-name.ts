/** The longest port name Kubernetes accepts (an IANA service name). */
export const maxPortNameLength = 15;

/**
 * The name written on a container or Service port: Istio picks the protocol from the name's prefix
 * (`<protocol>[-<suffix>]`), so a name that does not start with its protocol gets it in front.
 */
export function wirePortName(name: string, protocol: string): string {
  return name === protocol || name.startsWith(`${protocol}-`) ? name : `${protocol}-${name}`;
}
