import { codes, type DiagnosticCode } from '../diagnostics/codes.js';
import { pointer, type Diagnostic } from '../diagnostics/diagnostic.js';
import { parseDuration } from '../spec/duration.js';
import { didYouMean } from '../util/suggest.js';
import { validatePayloadSchema } from './payload-schema.js';
import { checkRoutes } from './routes.js';
import { checkIngressConflicts } from './ingress.js';
import { checkPodFields, checkServiceEnv, type SpecIndex } from './workload.js';
import { checkContainers } from './containers.js';
import { checkProbes } from './probes.js';
import { checkFiles } from './files.js';
import type { FileSource } from '../load/files.js';
import { checkExternals } from './externals.js';
import { checkExternalService, checkPorts, hasExposedPort, hasMeshPort } from './ports.js';

type Record_ = Record<string, unknown>;
const isRecord = (v: unknown): v is Record_ => typeof v === 'object' && v !== null && !Array.isArray(v);
const entries = (v: unknown): Array<[string, unknown]> => (isRecord(v) ? Object.entries(v) : []);

/**
 * Checks the schema cannot express. Runs on the raw data even when the schema failed (so one run reports
 * every problem), hence the defensive reading of every field.
 */
export function validateSemantics(data: unknown, fileSources?: ReadonlyMap<string, FileSource>): Diagnostic[] {
  if (!isRecord(data)) return [];
  const services = isRecord(data.services) ? data.services : {};
  const events = isRecord(data.events) ? data.events : {};
  const profiles = isRecord(data.profiles) ? data.profiles : {};
  const externals = isRecord(data.externals) ? data.externals : {};
  const serviceNames = Object.keys(services);
  const eventNames = Object.keys(events);
  const out: Diagnostic[] = [];
  const report = (rule: DiagnosticCode, path: string, message: string) =>
    out.push({ rule, severity: 'error', message, path });
  const unknown = (path: string, kind: string, name: string, known: string[]) =>
    report(
      codes.unknownReference.id,
      path,
      `refers to ${kind} '${name}', which is not declared${didYouMean(name, known)}` +
        (known.length ? '' : ` (no ${kind}s are declared)`),
    );

  const index: SpecIndex = {
    services,
    events,
    profiles,
    defaults: data.defaults,
    broker: isRecord(data.broker) ? data.broker : {},
  };
  if (index.broker.bootstrap !== undefined && index.broker.service !== undefined) {
    report(
      codes.invalidValue.id,
      '/broker/bootstrap',
      'names an address while broker.service names the service that runs the broker: keep one',
    );
  }
  if (typeof index.broker.service === 'string' && !(index.broker.service in services)) {
    unknown('/broker/service', 'service', index.broker.service, serviceNames);
  }
  for (const [name, service] of entries(services)) {
    if (!isRecord(service)) continue;
    checkServiceEnv(index, name, service, report);
    checkContainers(index, name, service, report);
    checkProbes(index, name, service, report);
    checkFiles(name, service, fileSources, report);
    checkPodFields(pointer('services', name), service, report);
    if (typeof service.profile === 'string' && !Object.hasOwn(profiles, service.profile)) {
      unknown(pointer('services', name, 'profile'), 'profile', service.profile, Object.keys(profiles));
    }
    if (Array.isArray(service.calls)) {
      service.calls.forEach((call, index) => {
        const target = typeof call === 'string' ? call : isRecord(call) ? call.service : undefined;
        const path = pointer('services', name, 'calls', index);
        if (typeof target !== 'string') return;
        const where = typeof call === 'string' ? path : `${path}/service`;
        if (Object.hasOwn(externals, target) && !Object.hasOwn(services, target)) return;
        if (!Object.hasOwn(services, target)) {
          const kind = Object.keys(externals).length > 0 ? 'service or external' : 'service';
          unknown(where, kind, target, [...serviceNames, ...Object.keys(externals)]);
        } else if (isRecord(services[target]) && !hasExposedPort(target, services[target])) {
          report(
            codes.unreachableCall.id,
            where,
            `calls '${target}', which exposes no port (a worker): give '${target}' a port in \`ports\`, or drop the call`,
          );
        }
      });
    }
    if (Array.isArray(service.publishes)) {
      service.publishes.forEach((event, index) => {
        if (typeof event === 'string' && !Object.hasOwn(events, event)) {
          unknown(pointer('services', name, 'publishes', index), 'event', event, eventNames);
        }
      });
    }
    for (const [event] of entries(service.subscribes)) {
      if (!Object.hasOwn(events, event))
        unknown(pointer('services', name, 'subscribes', event), 'event', event, eventNames);
    }
    checkService(name, service, isRecord(data.broker) && data.broker.kind === 'nats', report);
    for (const d of checkExternalService(services, name, service)) report(d.rule, d.path, d.message);
    checkRoutes(name, service, report, unknown);
  }
  out.push(...checkIngressConflicts(services));
  checkExternals(externals, services, report);
  for (const [name, external] of entries(externals))
    if (isRecord(external)) checkHaFields(pointer('externals', name), external, report);
  for (const [name, event] of entries(events)) {
    if (isRecord(event) && isRecord(event.schema)) out.push(...validatePayloadSchema(name, event.schema));
  }
  for (const [name, profile] of [
    ['defaults', data.defaults],
    ...entries(profiles).map(([n, p]) => [`profiles/${n}`, p]),
  ] as Array<[string, unknown]>) {
    if (isRecord(profile)) {
      checkHaFields(`/${name}`, profile, report);
      checkPodFields(`/${name}`, profile, report);
    }
  }
  return out;
}

type Report = (rule: DiagnosticCode, path: string, message: string) => void;

function checkService(name: string, service: Record_, nats: boolean, report: Report): void {
  const path = pointer('services', name);
  checkHaFields(path, service, report);
  for (const d of checkPorts(name, service)) report(d.rule, d.path, d.message);
  checkWorker(name, service, report);
  if (Array.isArray(service.routes))
    service.routes.forEach((route, index) => {
      if (isRecord(route)) checkHaFields(`${path}/routes/${index}`, route, report);
    });
  if (isRecord(service.versions)) {
    const weights = Object.values(service.versions).map((v) =>
      isRecord(v) && typeof v.weight === 'number' ? v.weight : NaN,
    );
    const total = weights.reduce((a, b) => a + b, 0);
    if (weights.every(Number.isFinite) && total !== 100) {
      report(
        codes.versionWeights.id,
        `${path}/versions`,
        `version weights must add up to 100, but they add up to ${total}`,
      );
    }
  }
  if (Array.isArray(service.calls)) {
    const seen = new Set<string>();
    service.calls.forEach((call, index) => {
      const target = typeof call === 'string' ? call : isRecord(call) ? call.service : undefined;
      if (typeof target !== 'string') return;
      if (seen.has(target))
        report(codes.duplicateCall.id, pointer('services', name, 'calls', index), `calls '${target}' more than once`);
      seen.add(target);
    });
  }
  for (const [event, sub] of entries(service.subscribes)) {
    const subPath = pointer('services', name, 'subscribes', event);
    const autoscale = isRecord(sub) ? sub.autoscale : undefined;
    checkAutoscale(subPath, autoscale, report);
    if (nats && isRecord(autoscale) && autoscale.max === undefined) {
      report(
        codes.invalidValue.id,
        `${subPath}/autoscale`,
        'needs `max` with broker kind nats: JetStream has no partitions to bound the consumers',
      );
    }
    const retry = isRecord(sub) ? sub.retry : undefined;
    if (!isRecord(retry) || typeof retry.delay !== 'string' || typeof retry.maxDelay !== 'string') continue;
    const delay = parseDuration(retry.delay);
    const maxDelay = parseDuration(retry.maxDelay);
    if (delay !== undefined && maxDelay !== undefined && maxDelay < delay) {
      report(
        codes.invalidValue.id,
        pointer('services', name, 'subscribes', event, 'retry', 'maxDelay'),
        `must not be shorter than delay (${retry.delay})`,
      );
    }
  }
}

/**
 * A service without a port the mesh proxies (a worker, or UDP only): nothing reaches it through Envoy, so
 * mesh traffic settings do nothing and an ingress has nothing to route to (src/validate/probes.ts checks its probes).
 */
function checkWorker(name: string, service: Record_, report: Report): void {
  const path = pointer('services', name);
  if (hasMeshPort(name, service)) return;
  if (service.ingress !== undefined) {
    report(
      codes.invalidValue.id,
      `${path}/ingress`,
      `needs an exposed TCP, HTTP or gRPC port, and '${name}' has none: add one to \`ports\``,
    );
  }
}

/** Istio durations are protobuf Durations: at most 315,576,000,000 seconds (10,000 years). */
const maxIstioDurationMs = 315_576_000_000_000;

/** Checks of the HA fields a service, a profile or `defaults` may set. */
function checkHaFields(path: string, fields: Record_, report: Report): void {
  checkAutoscale(path, fields.autoscale, report);
  const durations: Array<[string, unknown]> = [
    ['timeout', fields.timeout],
    ['retries/perTryTimeout', isRecord(fields.retries) ? fields.retries.perTryTimeout : undefined],
    ['circuitBreaker/interval', isRecord(fields.circuitBreaker) ? fields.circuitBreaker.interval : undefined],
    [
      'circuitBreaker/baseEjectionTime',
      isRecord(fields.circuitBreaker) ? fields.circuitBreaker.baseEjectionTime : undefined,
    ],
  ];
  for (const [field, text] of durations) {
    const ms = typeof text === 'string' ? parseDuration(text) : undefined;
    if (ms === 0 && field !== 'circuitBreaker/baseEjectionTime') {
      report(
        codes.invalidValue.id,
        `${path}/${field}`,
        `must be longer than 0s${field === 'timeout' ? '; leave it out to use no route timeout' : ''}`,
      );
    }
    if (ms !== undefined && ms > maxIstioDurationMs)
      report(
        codes.invalidValue.id,
        `${path}/${field}`,
        'must be at most 10000 years (Istio durations are protobuf Durations)',
      );
  }
}

function checkAutoscale(path: string, autoscale: unknown, report: Report): void {
  if (
    isRecord(autoscale) &&
    typeof autoscale.min === 'number' &&
    typeof autoscale.max === 'number' &&
    autoscale.min > autoscale.max
  ) {
    report(codes.invalidValue.id, `${path}/autoscale/max`, `must be at least autoscale.min (${autoscale.min})`);
  }
}
