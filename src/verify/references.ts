import { codes } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { RenderedDocument, RenderedValue } from '../render/target.js';
import type { NormalizedSystem } from '../normalize/model.js';
import { problemSource } from '../render/patches.js';

// biome-ignore lint/suspicious/noExplicitAny: rendered objects are untyped JSON, read here field by field
type Json = Record<string, any>;
const list = (value: unknown): Json[] =>
  Array.isArray(value) ? value.filter((v): v is Json => typeof v === 'object' && v !== null) : [];
const namespaceOf = (value: RenderedValue, fallback: string) =>
  String((value.metadata as Json | undefined)?.namespace ?? fallback);
const nameOf = (value: RenderedValue) => String((value.metadata as Json | undefined)?.name ?? '');

/**
 * A host as Istio reads it, reduced to `name.namespace` for a Kubernetes Service (`reviews`, `reviews.prod`,
 * `reviews.prod.svc`, `reviews.prod.svc.cluster.local`); other hosts (ServiceEntry names) as they are.
 */
function serviceKey(host: string, namespace: string): string {
  const match = /^([a-z0-9-]+)(?:\.([a-z0-9-]+)(?:\.svc(?:\.cluster\.local)?)?)?$/.exec(host);
  return match ? `${match[1]}.${match[2] ?? namespace}` : host;
}

/** Every destination of a VirtualService's routes (http, tcp, tls) and mirrors, with its pointer inside the object. */
function destinations(spec: Json): Array<{ destination: Json; pointer: string }> {
  const found: Array<{ destination: Json; pointer: string }> = [];
  for (const kind of ['http', 'tcp', 'tls'] as const) {
    list(spec[kind]).forEach((route, r) => {
      list(route.route).forEach((to, d) => {
        if (to.destination)
          found.push({ destination: to.destination, pointer: `/spec/${kind}/${r}/route/${d}/destination` });
      });
      if (route.mirror) found.push({ destination: route.mirror, pointer: `/spec/${kind}/${r}/mirror` });
    });
  }
  return found;
}

const gatewayApiGroup = 'gateway.networking.k8s.io/';

type Report = (pointer: string, message: string) => void;

/** A reference of a parentRef or backendRef (group and kind as Gateway API defaults them). */
const refKind = (ref: Json, defaultKind: string, defaultGroup: string) =>
  `${String(ref.group ?? defaultGroup) || 'core'}/${String(ref.kind ?? defaultKind)}`;

/**
 * An HTTPRoute's parents and backends exist: a Service parent (GAMMA) or backend is a Service of the spec or the
 * output, a Gateway parent is in the output (with the listener its sectionName names) or named by a service's
 * ingress.gateway, and so are the backends of its mirror filters.
 */
function httpRouteReferences(
  spec: Json,
  namespace: string,
  known: { services: Set<string>; listeners: Map<string, Set<string>>; gateways: Set<string> },
  report: Report,
): void {
  const service = (ref: Json, pointer: string, what: string) => {
    const key = `${String(ref.name)}.${String(ref.namespace ?? namespace)}`;
    if (!known.services.has(key))
      report(
        `${pointer}/name`,
        `is ${JSON.stringify(ref.name)}, ${what} that is not a Service of the spec or the output`,
      );
  };
  list(spec.parentRefs).forEach((ref, i) => {
    const pointer = `/spec/parentRefs/${i}`;
    const kind = refKind(ref, 'Gateway', 'gateway.networking.k8s.io');
    if (kind === 'core/Service') {
      service(ref, pointer, 'a parent Service');
      return;
    }
    if (kind !== 'gateway.networking.k8s.io/Gateway') return;
    const key = `${String(ref.namespace ?? namespace)}/${String(ref.name)}`;
    const own = known.listeners.get(key);
    if (!own) {
      if (!known.gateways.has(String(ref.name)) && !known.gateways.has(key))
        report(
          `${pointer}/name`,
          `is ${JSON.stringify(ref.name)}, a Gateway that is neither in the output nor named by a service's ingress.gateway`,
        );
    } else if (ref.sectionName !== undefined && !own.has(String(ref.sectionName)))
      report(
        `${pointer}/sectionName`,
        `is ${JSON.stringify(ref.sectionName)}, which is not a listener of the Gateway ${key} (it has ${[...own].join(', ')})`,
      );
  });
  list(spec.rules).forEach((rule, r) => {
    list(rule.backendRefs).forEach((ref, b) => {
      if (refKind(ref, 'Service', '') === 'core/Service')
        service(ref, `/spec/rules/${r}/backendRefs/${b}`, 'a backend');
    });
    list(rule.filters).forEach((filter, f) => {
      const ref = (filter.requestMirror as Json | undefined)?.backendRef as Json | undefined;
      if (ref && refKind(ref, 'Service', '') === 'core/Service')
        service(ref, `/spec/rules/${r}/filters/${f}/requestMirror/backendRef`, 'a mirror backend');
    });
  });
}

/** A Gateway's listeners have distinct names, and distinct port, protocol and hostname (the CRD's CEL rules). */
function uniqueListeners(spec: Json, report: Report): void {
  const names = new Set<string>();
  const bindings = new Set<string>();
  list(spec.listeners).forEach((listener, i) => {
    const binding = `${String(listener.port)}/${String(listener.protocol)}/${String(listener.hostname ?? '')}`;
    if (names.has(String(listener.name)))
      report(`/spec/listeners/${i}/name`, `is ${JSON.stringify(listener.name)}, the name of an earlier listener`);
    else if (bindings.has(binding))
      report(`/spec/listeners/${i}`, 'has the port, protocol and hostname of an earlier listener');
    names.add(String(listener.name));
    bindings.add(binding);
  });
}

/**
 * What `istioctl analyze` checks across objects, which no schema can: every gateway a VirtualService binds to is
 * in the output or one the spec names as its own (`ingress.gateway`); every host a VirtualService or
 * DestinationRule routes to is a Service of the spec or the output, or a ServiceEntry host; every subset a route
 * names is declared by a DestinationRule of its host; a Gateway API HTTPRoute's parents and backends exist (see
 * `httpRouteReferences`) and a Gateway's listeners are distinct. Findings are located like schema findings (the
 * document's source, or the patch that wrote the field).
 */
export function verifyReferences(documents: readonly RenderedDocument[], system: NormalizedSystem): Diagnostic[] {
  const manifests = documents.filter((d) => d.kind === 'manifest');
  const of = (kind: string) =>
    manifests.filter(
      (d) =>
        d.value.kind === kind &&
        String(d.value.apiVersion).startsWith(kind === 'Service' ? 'v1' : 'networking.istio.io/'),
    );
  const gateways = new Set(['mesh']);
  for (const d of of('Gateway')) {
    gateways.add(nameOf(d.value));
    gateways.add(`${namespaceOf(d.value, system.namespace)}/${nameOf(d.value)}`);
  }
  for (const s of system.services) if (s.ingress && !s.ingress.emitGateway) gateways.add(s.ingress.gateway);
  const hosts = new Set(system.services.map((s) => `${s.name}.${system.namespace}`));
  for (const d of of('Service')) hosts.add(`${nameOf(d.value)}.${namespaceOf(d.value, system.namespace)}`);
  for (const d of of('ServiceEntry'))
    for (const host of ((d.value.spec as Json | undefined)?.hosts ?? []) as string[]) hosts.add(host);
  // Gateway API Gateways of the output, by namespace/name, with their listener names.
  const listeners = new Map<string, Set<string>>();
  for (const d of manifests.filter(
    (d) => d.value.kind === 'Gateway' && String(d.value.apiVersion).startsWith(gatewayApiGroup),
  )) {
    const names = list(((d.value.spec ?? {}) as Json).listeners).map((l) => String(l.name));
    listeners.set(`${namespaceOf(d.value, system.namespace)}/${nameOf(d.value)}`, new Set(names));
  }
  const subsets = new Map<string, Set<string>>();
  for (const d of of('DestinationRule')) {
    const spec = (d.value.spec ?? {}) as Json;
    const key = serviceKey(String(spec.host), namespaceOf(d.value, system.namespace));
    for (const subset of list(spec.subsets)) subsets.set(key, (subsets.get(key) ?? new Set()).add(String(subset.name)));
  }

  const diagnostics: Diagnostic[] = [];
  for (const document of manifests) {
    const { value } = document;
    const spec = (value.spec ?? {}) as Json;
    const namespace = namespaceOf(value, system.namespace);
    const report = (pointer: string, message: string) =>
      diagnostics.push({
        rule: codes.reference.id,
        severity: 'error',
        path: problemSource(document, pointer),
        message: `${value.kind} ${namespace}/${nameOf(value)} (from ${document.template}): ${pointer.slice(1).replaceAll('/', '.')} ${message}`,
      });
    const resolves = (host: string) => hosts.has(serviceKey(host, namespace)) || hosts.has(host);
    if (value.kind === 'DestinationRule' && typeof spec.host === 'string' && !resolves(spec.host)) {
      report(
        '/spec/host',
        `is ${JSON.stringify(spec.host)}, which is neither a Service of the spec or the output nor a ServiceEntry host`,
      );
    }
    if (String(value.apiVersion).startsWith(gatewayApiGroup)) {
      if (value.kind === 'HTTPRoute')
        httpRouteReferences(spec, namespace, { services: hosts, listeners, gateways }, report);
      if (value.kind === 'Gateway') uniqueListeners(spec, report);
      continue;
    }
    if (value.kind !== 'VirtualService') continue;
    ((spec.gateways ?? []) as unknown[]).forEach((gateway, index) => {
      if (typeof gateway === 'string' && !gateways.has(gateway) && !gateways.has(`${namespace}/${gateway}`)) {
        report(
          `/spec/gateways/${index}`,
          `is ${JSON.stringify(gateway)}, a Gateway that is neither in the output nor named by a service's ingress.gateway`,
        );
      }
    });
    const bound = Array.isArray(spec.gateways) && spec.gateways.some((g: unknown) => g !== 'mesh');
    // A gateway-bound VirtualService's hosts are external names; a mesh one's are the services it routes.
    if (!bound) {
      ((spec.hosts ?? []) as unknown[]).forEach((host, index) => {
        if (typeof host === 'string' && !resolves(host))
          report(
            `/spec/hosts/${index}`,
            `is ${JSON.stringify(host)}, which is neither a Service of the spec or the output nor a ServiceEntry host`,
          );
      });
    }
    for (const { destination, pointer } of destinations(spec)) {
      const host = String(destination.host);
      if (!resolves(host)) {
        report(
          `${pointer}/host`,
          `is ${JSON.stringify(host)}, which is neither a Service of the spec or the output nor a ServiceEntry host`,
        );
        continue;
      }
      if (destination.subset === undefined) continue;
      const declared = subsets.get(serviceKey(host, namespace));
      if (!declared?.has(String(destination.subset))) {
        report(
          `${pointer}/subset`,
          `is ${JSON.stringify(destination.subset)}, which no DestinationRule of ${JSON.stringify(host)} in the output declares${declared ? ` (it declares ${[...declared].join(', ')})` : ''}`,
        );
      }
    }
  }
  return diagnostics;
}
