import { codes, type DiagnosticCode } from '../diagnostics/codes.js';
import { pointer } from '../diagnostics/diagnostic.js';
import { isBrokerSecretReference, brokerSecretKeys } from '../spec/broker-credentials.js';
import { envReferences } from '../util/env-references.js';
import { rawPorts } from './ports.js';
import { didYouMean } from '../util/suggest.js';

type Record_ = Record<string, unknown>;
type Report = (rule: DiagnosticCode, path: string, message: string) => void;
const isRecord = (v: unknown): v is Record_ => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Labels hamesh sets on every pod: selectors and the recommended labels. */
const reservedLabels = new Set([
  'app',
  'version',
  'app.kubernetes.io/name',
  'app.kubernetes.io/instance',
  'app.kubernetes.io/version',
  'app.kubernetes.io/part-of',
  'app.kubernetes.io/managed-by',
]);

/** What validation needs to know of the whole spec. */
export interface SpecIndex {
  services: Record_;
  events: Record_;
  profiles: Record_;
  defaults: unknown;
  broker: Record_;
}

/** The names of the ports a service's Service exposes, as references name them (the shorthand's is its protocol). */
const portNames = (name: string, service: Record_): string[] =>
  rawPorts(name, service)
    .filter((p) => p.expose)
    .map((p) => p.name);

const calledServices = (service: Record_): Set<string> =>
  new Set(
    (Array.isArray(service.calls) ? service.calls : []).flatMap((call) =>
      typeof call === 'string' ? [call] : isRecord(call) && typeof call.service === 'string' ? [call.service] : [],
    ),
  );

/** A service's env after profiles and `defaults` (per variable), each variable with the pointer it came from. */
function effectiveEnv(index: SpecIndex, name: string, service: Record_): Map<string, { value: unknown; path: string }> {
  const profile = typeof service.profile === 'string' ? index.profiles[service.profile] : undefined;
  const layers: Array<[unknown, string]> = [
    [index.defaults, pointer('defaults')],
    [profile, pointer('profiles', String(service.profile))],
    [service, pointer('services', name)],
  ];
  const env = new Map<string, { value: unknown; path: string }>();
  for (const [layer, path] of layers) {
    if (!isRecord(layer) || !isRecord(layer.env)) continue;
    for (const [key, value] of Object.entries(layer.env))
      env.set(key, { value, path: `${path}${pointer('env', key)}` });
  }
  return env;
}

/**
 * Checks the env references of one service against the graph: named services and events exist, a service
 * whose address is read is called (the zero-trust AuthorizationPolicy would refuse the traffic otherwise), a
 * topic is one the service publishes or subscribes to, a group one it subscribes to. A reference inherited
 * from a profile or `defaults` is reported at the service when it does not fit this service.
 */
export function checkServiceEnv(index: SpecIndex, name: string, service: Record_, report: Report): void {
  checkEnvReferences(index, name, service, effectiveEnv(index, name, service), report);
}

/** The checks of checkServiceEnv over one container's variables (the service's, or an init container's or sidecar's own). */
export function checkEnvReferences(
  index: SpecIndex,
  name: string,
  service: Record_,
  env: Map<string, { value: unknown; path: string }>,
  report: Report,
): void {
  // Declared names are listed only for a suggestion, never up front: per service that would be quadratic.
  const calls = calledServices(service);
  const own = pointer('services', name);
  const subscribes = isRecord(service.subscribes) ? Object.keys(service.subscribes) : [];
  const publishes = Array.isArray(service.publishes)
    ? service.publishes.filter((e): e is string => typeof e === 'string')
    : [];
  for (const [variable, { value, path }] of env) {
    if (!isRecord(value)) continue;
    const inherited = !path.startsWith(`${own}/`);
    const at = (field: string) => (inherited ? own : `${path}/${field}`);
    const via = inherited ? ` (env ${variable}, from ${path.replace(/\/env\/.*$/, '')})` : '';
    const needsCall = (field: string, target: string) => {
      if (target === name || calls.has(target)) return;
      report(
        codes.envReference.id,
        at(field),
        `reads the ${field} of '${target}'${via}, but '${name}' does not call it: add '${target}' to calls (the AuthorizationPolicy of '${target}' admits only its callers)`,
      );
    };
    for (const field of ['address', 'host', 'port', 'headless'] as const) {
      const target = value[field];
      if (typeof target !== 'string' || (field === 'port' && 'address' in value)) continue;
      const targetService = index.services[target];
      if (!isRecord(targetService)) {
        report(
          codes.unknownReference.id,
          at(field),
          `refers to service '${target}', which is not declared${didYouMean(target, Object.keys(index.services))}`,
        );
        continue;
      }
      needsCall(field, target);
      const portName = field === 'address' ? value.port : field === 'port' ? value.name : undefined;
      if (typeof portName === 'string' && !portNames(target, targetService).includes(portName)) {
        const known = portNames(target, targetService);
        report(
          codes.unknownReference.id,
          at(field === 'address' ? 'port' : 'name'),
          `'${target}' has no port '${portName}'${didYouMean(portName, known)}; its ports: ${known.join(', ')}`,
        );
      }
      if (field === 'headless' && targetService.workload !== 'statefulset') {
        report(
          codes.envReference.id,
          at(field),
          `'${target}' is not a StatefulSet (workload: statefulset), so it has no headless Service`,
        );
      }
    }
    if (typeof value.path === 'string' && value.scheme === undefined && 'address' in value) {
      report(
        codes.envReference.id,
        at('path'),
        'needs a scheme (http, https or grpc): a path only makes sense in a URL',
      );
    }
    if (value.broker === 'bootstrap') {
      const brokerService = index.broker.service;
      // Publishers and subscribers are admitted by the broker service's AuthorizationPolicy without `calls`.
      const client = publishes.length > 0 || subscribes.length > 0;
      if (typeof brokerService === 'string' && brokerService !== name && !calls.has(brokerService) && !client) {
        report(
          codes.envReference.id,
          at('broker'),
          `reads the broker's address, which is service '${brokerService}' (broker.service)${via}, but '${name}' does not call it: add '${brokerService}' to calls`,
        );
      }
    }
    if (typeof value.broker === 'string' && value.broker !== 'bootstrap') {
      const problem = brokerCredentialProblem(index.broker, value.broker, publishes.length + subscribes.length > 0);
      if (problem)
        report(codes.envReference.id, at('broker'), `reads the broker ${value.broker}${via}, but ${problem}`);
    }
    if (typeof value.topic === 'string') {
      if (!Object.hasOwn(index.events, value.topic))
        report(
          codes.unknownReference.id,
          at('topic'),
          `refers to event '${value.topic}', which is not declared${didYouMean(value.topic, Object.keys(index.events))}`,
        );
      else if (!publishes.includes(value.topic) && !subscribes.includes(value.topic)) {
        report(
          codes.envReference.id,
          at('topic'),
          `names the topic of '${value.topic}'${via}, which '${name}' neither publishes nor subscribes to`,
        );
      }
    }
    if (typeof value.group === 'string') {
      if (!Object.hasOwn(index.events, value.group))
        report(
          codes.unknownReference.id,
          at('group'),
          `refers to event '${value.group}', which is not declared${didYouMean(value.group, Object.keys(index.events))}`,
        );
      else if (!subscribes.includes(value.group)) {
        report(
          codes.envReference.id,
          at('group'),
          `names ${name}'s consumer group for '${value.group}'${via}, but '${name}' does not subscribe to it`,
        );
      }
    }
  }
  checkEnvCycles(env, report);
}

/** `$(A)` in B and `$(B)` in A: Kubernetes would expand neither, whatever the order. */
function checkEnvCycles(env: Map<string, { value: unknown; path: string }>, report: Report): void {
  const uses = new Map(
    [...env].map(([name, { value }]) => [
      name,
      typeof value === 'string' ? envReferences(value).filter((n) => env.has(n)) : [],
    ]),
  );
  const reaches = (from: string, to: string, seen = new Set<string>()): boolean =>
    (uses.get(from) ?? []).some((next) => {
      if (next === to) return true;
      if (seen.has(next)) return false;
      seen.add(next);
      return reaches(next, to, seen);
    });
  for (const [name, { path }] of env) {
    if (reaches(name, name))
      report(
        codes.envCycle.id,
        path,
        `${name} uses $(…) references that lead back to ${name}: Kubernetes cannot expand a cycle`,
      );
  }
}

/** Checks of the pod fields a service, a profile or `defaults` may set. */
export function checkPodFields(path: string, fields: Record_, report: Report): void {
  for (const key of Object.keys(isRecord(fields.labels) ? fields.labels : {})) {
    if (reservedLabels.has(key))
      report(
        codes.reservedLabel.id,
        `${path}${pointer('labels', key)}`,
        `is set by hamesh on every pod (it selects the pods or names the app); use another label key`,
      );
  }
  const security = isRecord(fields.security) ? fields.security : undefined;
  if (security?.runAsUser === 0 && security.runAsNonRoot !== false) {
    report(
      codes.invalidValue.id,
      `${path}/security/runAsUser`,
      'is root (0), which runAsNonRoot (the default) refuses: the container would not start; use a non-zero user id, or set runAsNonRoot: false',
    );
  }
}

/** Why a service cannot read the broker credential `reference`, or undefined when it can. */
function brokerCredentialProblem(broker: Record_, reference: string, usesBroker: boolean): string | undefined {
  const auth = typeof broker.auth === 'string' ? broker.auth : 'none';
  if (broker.kind === 'nats')
    return 'credentials are Strimzi KafkaUser Secrets, and broker kind is nats (NATS users are configured in the server)';
  if (auth === 'none') return 'broker.auth is none, so there is no KafkaUser: set broker.auth to scram-sha-512 or tls';
  if (isBrokerSecretReference(reference) && brokerSecretKeys[reference].auth !== auth) {
    return `it exists only with broker.auth ${brokerSecretKeys[reference].auth}, and broker.auth is ${auth}`;
  }
  if (!usesBroker && reference !== 'ca') return 'the service neither publishes nor subscribes, so it has no KafkaUser';
  return undefined;
}
