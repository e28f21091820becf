import { codes } from '../../diagnostics/codes.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { NormalizedService, NormalizedSystem } from '../../normalize/model.js';
import { exposedPorts, meshTraffic } from '../../normalize/ports.js';
import { headlessServiceName } from '../../resolve/addresses.js';
import { ingressHosts, type IngressHost } from '../../resolve/ingress-hosts.js';
import type { RouteMatch } from '../../spec/schema.generated.js';
import { redirectRouteName } from './ingress.js';
import { invertedMatch } from './precedence.js';
import { httpPorts, meshRouted, meshRouteName, versionServiceName } from './routes.js';

/** Gateway API's limits on one HTTPRoute (the CRD's maxItems and its CEL rule on the total). */
const limits = { rules: 16, matchesPerRule: 64, matches: 128 } as const;

const describeRoute = (route: { name?: string; path: string }) =>
  route.name !== undefined ? `route '${route.name}'` : `route ${route.path.split('/').at(-1)}`;

const describeMatch = (match: RouteMatch) => JSON.stringify(match);

/** What the standard channel of Gateway API cannot say about a routed service, each at the value that asks for it. */
function unsupported(service: NormalizedService): Array<{ path: string; message: string }> {
  const found: Array<{ path: string; message: string }> = [];
  const name = `'${service.name}'`;
  if (service.versions.length > 0 && exposedPorts(service).some((p) => p.protocol === 'tcp')) {
    found.push({
      path: `${service.path}/versions`,
      message: `${name} has version weights and a TCP port, but weighting TCP traffic needs a TCPRoute, which is in Gateway API's experimental channel only: build with --target istio`,
    });
  }
  service.routes.forEach((route, index) => {
    if (route.fault)
      found.push({
        path: `${route.path}/fault`,
        message: `${describeRoute(route)} of ${name} injects a fault, which Gateway API cannot express (HTTPRoute has no fault injection): build with --target istio`,
      });
    route.matches.forEach((match, m) => {
      const uri = match.uri;
      const value = uri && ('exact' in uri ? uri.exact : 'prefix' in uri ? uri.prefix : undefined);
      if (value !== undefined && !value.startsWith('/'))
        found.push({
          path: `${route.path}/match${route.matches.length > 1 ? `/${m}` : ''}/uri`,
          message: `a Gateway API path match must start with '/' (${JSON.stringify(value)})`,
        });
    });
    for (const earlier of service.routes.slice(0, index)) {
      const inverted = invertedMatch(earlier.matches, route.matches);
      if (!inverted) continue;
      found.push({
        path: `${route.path}/match`,
        message: `Gateway API takes the most specific match, not the first: a request matching both ${describeRoute(earlier)} (${describeMatch(inverted.earlier)}) and ${describeRoute(route)} (${describeMatch(inverted.later)}) of ${name} would take ${describeRoute(route)}; move it first, or make the matches exclusive`,
      });
      break;
    }
  });
  return found;
}

/**
 * Retries, which only the experimental channel can carry: one error per value, naming every service that takes
 * it (a value in `defaults` or a profile serves several).
 */
function retriesProblems(services: readonly NormalizedService[]): Diagnostic[] {
  const takers = new Map<string, string[]>();
  const take = (path: string, service: NormalizedService) =>
    takers.set(path, [...new Set([...(takers.get(path) ?? []), service.name])]);
  for (const service of services) {
    if (!meshTraffic(service).http) continue;
    if (service.retries) take(service.origin.retries, service);
    for (const route of service.routes)
      if (route.retries && route.origin.retries === `${route.path}/retries`) take(route.origin.retries, service);
  }
  return [...takers].map(([path, names]) => ({
    rule: codes.gatewayApiUnsupported.id,
    severity: 'error',
    path,
    message: `retries (of ${names.map((n) => `'${n}'`).join(', ')}) cannot be expressed: HTTPRoute's \`retry\` is in Gateway API's experimental channel only (GEP-1731), not the standard channel --target gateway-api emits; drop them for this target, or build with --target istio (VirtualServices carry them)`,
  }));
}

/** Rules and matches of one HTTPRoute within Gateway API's limits. */
function withinLimits(rules: number, matchesPerRule: number[], path: string, what: string): Diagnostic[] {
  const total = matchesPerRule.reduce((sum, n) => sum + n, 0);
  const over =
    rules > limits.rules
      ? `${rules} rules (at most ${limits.rules})`
      : Math.max(0, ...matchesPerRule) > limits.matchesPerRule
        ? `a rule with ${Math.max(...matchesPerRule)} matches (at most ${limits.matchesPerRule})`
        : total > limits.matches
          ? `${total} matches in all (at most ${limits.matches})`
          : undefined;
  if (over === undefined) return [];
  return [
    {
      rule: codes.gatewayApiUnsupported.id,
      severity: 'error',
      path,
      message: `${what} would have ${over}, more than one HTTPRoute may hold: use fewer routes or matches`,
    },
  ];
}

/** The rules' match counts of a service's HTTPRoute, restricted to `outer` paths (an ingress host's). */
const matchCounts = (service: NormalizedService, outer: number) => [
  ...service.routes.map((r) => (outer === 0 ? r.matches.length : outer * Math.max(1, r.matches.length))),
  outer,
];

function hostProblems(host: IngressHost): Diagnostic[] {
  const counts: number[] = [];
  const problems: Diagnostic[] = [];
  const runs = new Map<NormalizedService, number>();
  for (const backend of host.backends) {
    if (!meshTraffic(backend.service).http) {
      problems.push({
        rule: codes.gatewayApiUnsupported.id,
        severity: 'error',
        path: host.entries.find((e) => e.service === backend.service)!.path,
        message: `'${backend.service.name}' has no HTTP or gRPC port, and routing TCP through a Gateway needs a TCPRoute, which is in Gateway API's experimental channel only: build with --target istio`,
      });
      continue;
    }
    runs.set(backend.service, (runs.get(backend.service) ?? 0) + (backend.match ? 1 : 0));
  }
  for (const [service, paths] of runs) counts.push(...matchCounts(service, paths));
  const what = `the HTTPRoute of the ingress host ${JSON.stringify(host.host)}`;
  return [...problems, ...withinLimits(counts.length, counts, host.entries[0]!.path, what)];
}

/** Names the target would give two objects of one kind: HTTPRoutes, and the version Services among all Services. */
function nameClashes(system: NormalizedSystem, hosts: readonly IngressHost[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const owners = new Map<string, string>();
  const claim = (key: string, owner: string, path: string) => {
    const taken = owners.get(key);
    if (taken === undefined) owners.set(key, owner);
    else {
      const [kind, name] = key.split('/');
      diagnostics.push({
        rule: codes.gatewayApiName.id,
        severity: 'error',
        path,
        message: `the ${kind} '${name}' of ${owner} has the name of the ${kind} of ${taken}: rename one of them`,
      });
    }
  };
  // Services the other targets emit come first: the version Services are the ones to rename.
  for (const service of system.services) {
    if (exposedPorts(service).length > 0)
      claim(`Service/${service.name}`, `the service '${service.name}'`, service.path);
    if (service.workload === 'statefulset')
      claim(`Service/${headlessServiceName(service.name)}`, `the service '${service.name}'`, service.path);
    const external = service.kubernetesService.external;
    if (external)
      claim(`Service/${external.name}`, `the service '${service.name}'`, `${service.path}/service/external`);
  }
  for (const service of system.services) {
    if (!meshRouted(service)) continue;
    for (const version of service.versions)
      claim(
        `Service/${versionServiceName(service.name, version.name)}`,
        `version '${version.name}' of '${service.name}'`,
        `${service.path}/versions/${version.name}`,
      );
    for (const port of httpPorts(service))
      claim(`HTTPRoute/${meshRouteName(service, port.portName)}`, `the service '${service.name}'`, service.path);
  }
  for (const host of hosts) {
    const owner = `the ingress host ${JSON.stringify(host.host)}`;
    claim(`HTTPRoute/${host.name}`, owner, host.entries[0]!.path);
    if (host.tls && host.emitGateway) claim(`HTTPRoute/${redirectRouteName(host)}`, owner, host.entries[0]!.path);
  }
  return diagnostics;
}

/** Everything `--target gateway-api` cannot emit faithfully: unsupported features, Gateway API's limits, name clashes. */
export function gatewayApiPreflight(system: NormalizedSystem): Diagnostic[] {
  const hosts = ingressHosts(system);
  const onIngress = new Set(hosts.flatMap((h) => h.backends.map((b) => b.service)));
  const routed = system.services.filter(
    (s) => meshRouted(s) || (onIngress.has(s) && meshTraffic(s).http) || (s.versions.length > 0 && meshTraffic(s).tcp),
  );
  return [
    ...routed.flatMap((service) => [
      ...unsupported(service).map(({ path, message }) => ({
        rule: codes.gatewayApiUnsupported.id,
        severity: 'error' as const,
        path,
        message,
      })),
      ...(meshRouted(service)
        ? withinLimits(
            service.routes.length + 1,
            matchCounts(service, 0),
            `${service.path}/routes`,
            `the HTTPRoute of '${service.name}'`,
          )
        : []),
    ]),
    ...retriesProblems(routed),
    ...hosts.flatMap(hostProblems),
    ...nameClashes(system, hosts),
  ];
}
