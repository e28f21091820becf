import { codes, type DiagnosticCode } from '../diagnostics/codes.js';
import { pointer } from '../diagnostics/diagnostic.js';
import { parseDuration } from '../spec/duration.js';
import { didYouMean } from '../util/suggest.js';
import { mainContainerPorts, portEntries, type RawPort } from './ports.js';
import type { SpecIndex } from './workload.js';

type Record_ = Record<string, unknown>;
type Report = (rule: DiagnosticCode, path: string, message: string) => void;
const isRecord = (v: unknown): v is Record_ => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What each network probe needs of its port: which protocols it can talk to, and how to say what it does. */
const handlers = {
  http: { fits: ['http'], does: 'an HTTP GET' },
  // A gRPC server on an `http` port (HTTP/2) answers the health check too.
  grpc: { fits: ['grpc', 'http'], does: 'a gRPC health check' },
  // A TCP connection succeeds on any TCP port.
  tcp: { fits: ['http', 'grpc', 'tcp'], does: 'a TCP connection check' },
} as const;
type Handler = keyof typeof handlers;

/** What to write instead, by the port's protocol. */
const instead: Record<string, string> = {
  grpc: 'probe a grpc port with `grpc` (a gRPC health check) or `{ tcp: true }`',
  tcp: 'probe a tcp port with `{ tcp: true }` (a connection check) or an `exec` command',
  udp: 'Kubernetes cannot probe a UDP port: use an `exec` command',
};

/** Kubernetes counts probe timings in whole seconds (int32); period and timeout are at least 1s. */
function checkTiming(probe: Record_, at: string, report: Report): void {
  for (const field of ['initialDelay', 'period', 'timeout'] as const) {
    const text = probe[field];
    const ms = typeof text === 'string' ? parseDuration(text) : undefined;
    if (ms === undefined) continue;
    const path = `${at}/${field}`;
    if (ms % 1000 !== 0)
      report(
        codes.invalidValue.id,
        path,
        `must be whole seconds (Kubernetes counts probe timings in seconds), e.g. ${Math.max(1, Math.ceil(ms / 1000))}s`,
      );
    else if (field !== 'initialDelay' && ms < 1000) report(codes.invalidValue.id, path, 'must be at least 1s');
    else if (ms / 1000 > 2_147_483_647) report(codes.invalidValue.id, path, 'must be at most 2147483647s');
  }
}

/**
 * One probe of a container (`owner` names it in messages) with the given ports: a named port exists, a probe
 * without `port` has a main port to use, and the probe fits its port's protocol.
 */
function checkProbe(owner: string, probe: unknown, at: string, ports: RawPort[], report: Report): void {
  const object = typeof probe === 'string' ? (probe === 'grpc' ? { grpc: true } : { http: probe }) : probe;
  if (!isRecord(object)) return;
  if (typeof probe !== 'string') checkTiming(object, at, report);
  const handler = (Object.keys(handlers) as Handler[]).find((h) => object[h] !== undefined);
  if (handler === undefined) return; // exec needs no port (and the schema reports a probe that is none of them)
  const given = object.port;
  let port: RawPort | undefined;
  if (given === undefined) {
    port = ports.find((p) => p.expose) ?? ports[0];
    if (port === undefined) {
      report(
        codes.invalidValue.id,
        at,
        `has no port to probe: ${owner} has no \`ports\`; give the probe a \`port\`, or use an \`exec\` command`,
      );
      return;
    }
  } else if (typeof given === 'string') {
    port = ports.find((p) => p.name === given);
    if (port === undefined) {
      const names = ports.map((p) => p.name);
      report(
        codes.unknownReference.id,
        `${at}/port`,
        `refers to port '${given}', which ${owner} does not declare${didYouMean(given, names)}${names.length > 0 ? ` (its ports: ${names.join(', ')})` : ''}`,
      );
      return;
    }
  } else {
    // A port number the container does not declare: Kubernetes probes it all the same; its protocol is unknown.
    port = ports.find((p) => p.port === given);
    if (port === undefined) return;
  }
  if ((handlers[handler].fits as readonly string[]).includes(port.protocol)) return;
  report(
    codes.probeProtocol.id,
    typeof probe === 'string' ? at : `${at}/${handler}`,
    `is ${handlers[handler].does} on port '${port.name}' (${String(port.port)}, ${port.protocol}) of ${owner}, which cannot answer it: ${instead[port.protocol] ?? 'use a path'}`,
  );
}

function checkProbeSet(owner: string, probes: unknown, at: string, ports: RawPort[], report: Report): void {
  if (!isRecord(probes)) return;
  for (const [kind, probe] of Object.entries(probes)) checkProbe(owner, probe, `${at}${pointer(kind)}`, ports, report);
}

/**
 * The probes of a service's containers: its own (written on the service, or inherited whole from its profile or
 * `defaults`, where the finding is then located) against its own ports, and each sidecar's against the sidecar's.
 */
export function checkProbes(index: SpecIndex, name: string, service: Record_, report: Report): void {
  const path = pointer('services', name);
  const profile =
    typeof service.profile === 'string' && Object.hasOwn(index.profiles, service.profile)
      ? index.profiles[service.profile]
      : undefined;
  const layers: Array<[unknown, string]> = [
    [service, path],
    [profile, pointer('profiles', String(service.profile))],
    [index.defaults, '/defaults'],
  ];
  const layer = layers.find(([fields]) => isRecord(fields) && fields.probes !== undefined);
  if (layer)
    checkProbeSet(
      `'${name}'`,
      (layer[0] as Record_).probes,
      `${layer[1]}/probes`,
      mainContainerPorts(name, service),
      report,
    );
  (Array.isArray(service.sidecars) ? service.sidecars : []).forEach((sidecar: unknown, i: number) => {
    if (!isRecord(sidecar)) return;
    const at = `${path}${pointer('sidecars', i)}`;
    const ports = isRecord(sidecar.ports) ? portEntries(sidecar.ports, at) : [];
    checkProbeSet(`the sidecar '${String(sidecar.name)}' of '${name}'`, sidecar.probes, `${at}/probes`, ports, report);
  });
}
