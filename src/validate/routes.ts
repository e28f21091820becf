import { codes, type DiagnosticCode } from '../diagnostics/codes.js';
import { pointer } from '../diagnostics/diagnostic.js';

type Record_ = Record<string, unknown>;
const isRecord = (v: unknown): v is Record_ => typeof v === 'object' && v !== null && !Array.isArray(v);

type Report = (rule: DiagnosticCode, path: string, message: string) => void;
type Unknown = (path: string, kind: string, name: string, known: string[]) => void;

const isHttp = (protocol: unknown) => protocol === undefined || protocol === 'http' || protocol === 'grpc';

/** Whether the service exposes an HTTP or gRPC port (`protocol` defaults to http). */
function hasHttpPort(service: Record_): boolean {
  if (!isRecord(service.ports)) return isHttp(service.protocol);
  return Object.values(service.ports).some((port) => isRecord(port) && port.expose !== false && isHttp(port.protocol));
}

/**
 * Checks of `services.<name>.routes` the schema cannot express: every version a route sends to or mirrors to is
 * one of the service's `versions`, weights add up to 100, routes need an HTTP or gRPC service, and a route
 * without `match` (which takes every request) is the last one.
 */
export function checkRoutes(name: string, service: Record_, report: Report, unknown: Unknown): void {
  const routes: unknown[] | undefined = Array.isArray(service.routes) ? service.routes : undefined;
  if (!routes) return;
  const versions = isRecord(service.versions) ? Object.keys(service.versions) : [];
  const version = (path: string, value: unknown) => {
    if (typeof value === 'string' && !versions.includes(value)) unknown(path, 'version', value, versions);
  };
  if (routes.length > 0 && !hasHttpPort(service)) {
    report(
      codes.invalidValue.id,
      pointer('services', name, 'routes'),
      'routes apply to HTTP and gRPC traffic only, and this service has no HTTP or gRPC port',
    );
  }
  routes.forEach((route, index) => {
    if (!isRecord(route)) return;
    const path = pointer('services', name, 'routes', index);
    if (typeof route.to === 'string') version(`${path}/to`, route.to);
    if (isRecord(route.to)) {
      for (const key of Object.keys(route.to)) version(pointer('services', name, 'routes', index, 'to', key), key);
      const weights = Object.values(route.to);
      const total = weights.reduce<number>((sum, w) => sum + (typeof w === 'number' ? w : NaN), 0);
      if (Number.isFinite(total) && total !== 100)
        report(codes.versionWeights.id, `${path}/to`, `route weights must add up to 100, but they add up to ${total}`);
    }
    if (isRecord(route.mirror)) version(`${path}/mirror/version`, route.mirror.version);
  });
}
