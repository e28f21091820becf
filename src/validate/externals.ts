import { codes, type DiagnosticCode } from '../diagnostics/codes.js';
import { pointer } from '../diagnostics/diagnostic.js';

type Record_ = Record<string, unknown>;
const isRecord = (v: unknown): v is Record_ => typeof v === 'object' && v !== null && !Array.isArray(v);
type Report = (rule: DiagnosticCode, path: string, message: string) => void;

/**
 * Checks of `externals` the schema cannot express: a name of its own (a call names either), a resolution that
 * fits the hosts (DNS cannot resolve a wildcard; static needs endpoints), TLS origination on HTTP ports only,
 * distinct port numbers, and timeout/retries on concrete hosts (Istio cannot route to a wildcard host).
 */
export function checkExternals(externals: Record_, services: Record_, report: Report): void {
  for (const [name, external] of Object.entries(externals)) {
    if (!isRecord(external)) continue;
    const path = pointer('externals', name);
    if (Object.hasOwn(services, name)) {
      report(
        codes.duplicateName.id,
        path,
        `has the name of the service '${name}': a call would not say which one it means; rename one of them`,
      );
    }
    const hosts = Array.isArray(external.hosts) ? external.hosts.filter((h): h is string => typeof h === 'string') : [];
    const wildcard = hosts.find((host) => host.startsWith('*'));
    const endpoints = Array.isArray(external.endpoints) && external.endpoints.length > 0;
    if (external.resolution === 'dns' && wildcard !== undefined) {
      report(
        codes.invalidValue.id,
        `${path}/resolution`,
        `cannot be dns with the wildcard host '${wildcard}': DNS cannot resolve it; use none (the default for wildcard hosts)`,
      );
    }
    if (external.resolution === 'static' && !endpoints)
      report(codes.invalidValue.id, `${path}/resolution`, 'static needs `endpoints`: the addresses to send to');
    if (
      endpoints &&
      (external.resolution === 'none' || (external.resolution === undefined && wildcard !== undefined))
    ) {
      report(
        codes.invalidValue.id,
        `${path}/endpoints`,
        'are not used with resolution none: set resolution static (IP addresses) or dns (host names)',
      );
    }
    const ports = Object.entries(isRecord(external.ports) ? external.ports : {}).filter(
      (entry): entry is [string, Record_] => isRecord(entry[1]),
    );
    const seen = new Map<unknown, string>();
    for (const [portName, port] of ports) {
      const portPath = `${path}${pointer('ports', portName)}`;
      if (seen.has(port.port))
        report(
          codes.duplicatePort.id,
          `${portPath}/port`,
          `port ${String(port.port)} is also the port '${seen.get(port.port)}'`,
        );
      else seen.set(port.port, portName);
      if (port.originateTls === true && port.protocol !== 'http') {
        report(
          codes.invalidValue.id,
          `${portPath}/originateTls`,
          `needs protocol http: the application sends plain HTTP and the sidecar encrypts it (this port is ${String(port.protocol)})`,
        );
      }
    }
    const http = ports.some(([, port]) => port.protocol === 'http' || port.protocol === 'grpc');
    for (const field of ['timeout', 'retries'] as const) {
      if (external[field] === undefined || !http) continue;
      if (wildcard !== undefined) {
        report(
          codes.invalidValue.id,
          `${path}/${field}`,
          `needs concrete hosts: Istio cannot route requests for the wildcard host '${wildcard}'; declare the hosts it calls as another external`,
        );
      }
    }
  }
}
