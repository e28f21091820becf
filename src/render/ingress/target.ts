import { codes } from '../../diagnostics/codes.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { NormalizedService, NormalizedSystem } from '../../normalize/model.js';
import { meshTraffic } from '../../normalize/ports.js';
import { ingressHosts, type IngressBackend, type IngressHost } from '../../resolve/ingress-hosts.js';
import { renderManifests } from '../engine.js';
import type { IngressContext } from '../contexts.js';
import { systemLabels } from '../kubernetes/labels.js';
import { namespaceFile } from '../layout.js';
import type { Target } from '../target.js';

const name = 'ingress';

/** An Ingress path: the claim's path with pathType Exact or Prefix (every path is the prefix `/`); a regex has none. */
function ingressPath(backend: IngressBackend): object | undefined {
  const { claim } = backend;
  if (claim.kind === 'regex' || backend.port === undefined) return undefined;
  return {
    path: claim.kind === 'any' ? '/' : claim.value,
    pathType: claim.kind === 'exact' ? 'Exact' : 'Prefix',
    backend: { service: { name: backend.service.name, port: { number: backend.port } } },
  };
}

/** Template context of `ingress.yaml.hbs`: one Ingress per host, its paths most specific first, each to its service's port. */
function ingressContext(system: NormalizedSystem, host: IngressHost): IngressContext {
  const hostName = host.host === '*' ? {} : { host: host.host };
  return {
    name: host.name,
    namespace: system.namespace,
    labels: systemLabels(system),
    className: host.className,
    tls: host.tls ? [{ ...(host.host !== '*' && { hosts: [host.host] }), secretName: host.tls.credentialName }] : null,
    rules: [{ ...hostName, http: { paths: host.backends.flatMap((b) => ingressPath(b) ?? []) } }],
  };
}

/**
 * What an Ingress cannot say about a service behind it, each at the value that asks for it. Without the istio
 * target these would be silently lost; with it, the host's VirtualService carries them.
 */
function unsupported(service: NormalizedService): Array<{ feature: string; path: string }> {
  const found: Array<{ feature: string; path: string }> = [];
  if (service.retries) found.push({ feature: 'retries', path: service.origin.retries });
  if (service.timeoutMs !== undefined) found.push({ feature: 'a timeout', path: service.origin.timeout });
  if (service.versions.length > 1) found.push({ feature: 'version weights', path: `${service.path}/versions` });
  for (const route of service.routes) {
    if (route.matches.some((m) => m.headers || m.method || m.queryParams))
      found.push({ feature: 'header, method or query matches', path: `${route.path}/match` });
    if (route.to.length > 0) found.push({ feature: 'routes to versions (weights)', path: `${route.path}/to` });
    if (route.fault) found.push({ feature: 'fault injection', path: `${route.path}/fault` });
    if (route.mirror) found.push({ feature: 'mirroring', path: `${route.path}/mirror` });
    if (route.retries && route.origin.retries === `${route.path}/retries`)
      found.push({ feature: 'retries', path: route.origin.retries });
    if (route.timeoutMs !== undefined && route.origin.timeout === `${route.path}/timeout`)
      found.push({ feature: 'a timeout', path: route.origin.timeout });
  }
  return found;
}

function preflight(system: NormalizedSystem, selected: readonly string[]): Diagnostic[] {
  const error = (path: string, message: string): Diagnostic => ({
    rule: codes.ingressUnsupported.id,
    severity: 'error',
    message,
    path,
  });
  const hosts = ingressHosts(system);
  const paths = hosts.flatMap((host) =>
    host.backends.flatMap((b) => {
      if (!meshTraffic(b.service).http)
        return [
          error(
            host.entries.find((e) => e.service === b.service)!.path,
            `'${b.service.name}' has no HTTP or gRPC port, and an Ingress routes HTTP only`,
          ),
        ];
      if (b.claim.kind === 'regex')
        return [
          error(
            b.path,
            `a Kubernetes Ingress has no regex paths: use an exact path or a prefix, or build with --target istio instead of ingress`,
          ),
        ];
      if (!b.claim.value.startsWith('/') && b.claim.kind !== 'any')
        return [error(b.path, `an Ingress path must start with '/'`)];
      return [];
    }),
  );
  if (selected.includes('istio')) return paths;
  const services = [...new Set(hosts.flatMap((h) => h.backends.map((b) => b.service)))];
  return [
    ...paths,
    ...services.flatMap((service) =>
      unsupported(service).map(({ feature, path }) =>
        error(
          path,
          `'${service.name}' is reached through an Ingress, which cannot carry ${feature}: build with --target istio too (its VirtualServices carry it), or drop it`,
        ),
      ),
    ),
  ];
}

/** `networking.k8s.io/v1` Ingress objects for the ingress hosts, for clusters whose gateway reads Ingress (Istio's does). */
export const ingressTarget: Target = {
  name,
  description:
    'one Kubernetes networking.k8s.io/v1 Ingress per ingress host (ingressClassName from ingress.className, default istio); not by default',
  byDefault: () => false,
  preflight: (resolved, selected = [name]) => preflight(resolved.system, selected),
  render: (resolved, { engine }) => {
    // Each host's Ingress comes from the first `ingress.hosts` entry naming the host.
    return ingressHosts(resolved.system).flatMap((host) =>
      renderManifests(
        engine,
        { target: name, file: namespaceFile(name), template: 'ingress.yaml.hbs', source: host.entries[0]!.path },
        ingressContext(resolved.system, host),
      ),
    );
  },
};
