import type { NormalizedSystem } from '../../normalize/model.js';
import { meshTraffic } from '../../normalize/ports.js';
import { backendRuns, type IngressHost } from '../../resolve/ingress-hosts.js';
import type { GatewayApiGatewayContext, HttpRouteContext } from '../contexts.js';
import { systemLabels } from '../kubernetes/labels.js';
import { pathMatch, serviceRules } from './routes.js';

/** Istio runs the Gateways of this class itself: a Deployment and a Service `<gateway>-istio` per Gateway. */
const gatewayClassName = 'istio';

/** The ports clients reach the Gateway's Service on (Istio's deployment listens on them). */
const listenerPorts = { http: 80, https: 443 } as const;

/** The ServiceAccount of the gateway Istio deploys for a Gateway API Gateway (`namespace/<gateway>-istio`). */
export const deployedGatewayAccount = (namespace: string, gateway: string) =>
  `${namespace}/${gateway}-${gatewayClassName}`;

const listenerName = (scheme: 'http' | 'https', host: IngressHost) => `${scheme}-${host.name}`;

/** The name of the HTTPRoute that redirects a TLS host's plain HTTP to HTTPS. */
export const redirectRouteName = (host: IngressHost) => `${host.name}-https-redirect`;

const hostnames = (host: IngressHost) => (host.host === '*' ? null : [host.host]);

/** A parentRef to the host's Gateway: its own listener when hamesh emits the Gateway, else the Gateway the spec names. */
function gatewayRef(host: IngressHost, scheme: 'http' | 'https'): object {
  if (host.emitGateway) return { name: host.gateway, sectionName: listenerName(scheme, host) };
  const [namespace, name] = host.gateway.includes('/') ? host.gateway.split('/') : [undefined, host.gateway];
  return { name, ...(namespace !== undefined && { namespace }) };
}

/**
 * Template context of `gateway-api-gateway.yaml.hbs`: the Gateway `<system>-gateway` (gatewayClassName istio) for
 * the hosts whose services name no gateway of their own, or null. Each host gets an HTTP listener on port 80; a
 * host with `tls` also an HTTPS listener on 443 terminating TLS with its credential (its HTTP listener only
 * redirects). Routes from the Gateway's own namespace attach.
 */
export function gatewayContext(
  system: NormalizedSystem,
  hosts: readonly IngressHost[],
): GatewayApiGatewayContext | null {
  const served = hosts.filter((h) => h.emitGateway);
  if (served.length === 0) return null;
  const allowedRoutes = { namespaces: { from: 'Same' } };
  const listeners = served.flatMap((host) => {
    const hostname = host.host === '*' ? {} : { hostname: host.host };
    return [
      { name: listenerName('http', host), ...hostname, port: listenerPorts.http, protocol: 'HTTP', allowedRoutes },
      ...(host.tls
        ? [
            {
              name: listenerName('https', host),
              ...hostname,
              port: listenerPorts.https,
              protocol: 'HTTPS',
              tls: { mode: 'Terminate', certificateRefs: [{ kind: 'Secret', name: host.tls.credentialName }] },
              allowedRoutes,
            },
          ]
        : []),
    ];
  });
  return {
    name: served[0]!.gateway,
    namespace: system.namespace,
    labels: systemLabels(system),
    gatewayClassName,
    listeners,
  };
}

/**
 * One HTTPRoute per ingress host, named after the host and shared by every service serving part of it (their
 * routes restricted to their paths), plus, for a TLS host on the emitted Gateway, the HTTPRoute redirecting its
 * plain HTTP to HTTPS. TCP backends are refused by the preflight (TCPRoute is experimental).
 */
export function hostRouteContexts(system: NormalizedSystem, host: IngressHost): HttpRouteContext[] {
  const rules = backendRuns(host.backends).flatMap((run) => {
    const service = run[0]!.service;
    if (!meshTraffic(service).http || run[0]!.port === undefined) return [];
    // One rule's matches are alternatives: kept in the spec's order.
    const paths = [...run]
      .sort((a, b) => a.index - b.index)
      .flatMap((b) => (b.match ? [{ path: pathMatch(b.match) }] : []));
    return serviceRules(service, run[0]!.port, paths);
  });
  if (rules.length === 0) return [];
  const meta = { namespace: system.namespace, labels: systemLabels(system), hostnames: hostnames(host) };
  const secured = host.tls !== undefined && host.emitGateway;
  return [
    { ...meta, name: host.name, parentRefs: [gatewayRef(host, secured ? 'https' : 'http')], rules },
    ...(secured
      ? [
          {
            ...meta,
            name: redirectRouteName(host),
            parentRefs: [gatewayRef(host, 'http')],
            rules: [{ filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } }] }],
          },
        ]
      : []),
  ];
}
