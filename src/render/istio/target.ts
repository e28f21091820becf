import { pointer } from '../../diagnostics/diagnostic.js';
import type { NormalizedService } from '../../normalize/model.js';
import type { ResolvedSystem } from '../../resolve/resolve.js';
import type { DestinationRuleContext, TemplateName } from '../contexts.js';
import { meshRouted, versionServiceName } from '../gateway-api/routes.js';
import { serviceLabels } from '../kubernetes/labels.js';
import { renderManifests, serviceDocument, type TemplateEngine } from '../engine.js';
import { externalFile, namespaceFile } from '../layout.js';
import type { RenderedDocument, Target } from '../target.js';
import { destinationRuleContext } from './destination-rule.js';
import { authorizationPolicyContext, peerAuthenticationContext, servicePeerAuthenticationContext } from './security.js';
import { ingressHosts } from '../../resolve/ingress-hosts.js';
import { gatewayContext, hostVirtualServiceContexts } from './ingress.js';
import { externalDestinationRuleContexts, externalVirtualServiceContexts, serviceEntryContext } from './externals.js';
import { namespaceSidecarContext, sidecarContext } from './sidecar.js';
import type { NormalizedExternal } from '../../normalize/model.js';
import { meshVirtualServiceContexts } from './virtual-service.js';
import { istioPreflight } from './preflight.js';

const name = 'istio';
/** The target whose HTTPRoutes replace the VirtualServices (src/render/gateway-api/). */
const gatewayApiName = 'gateway-api';

/**
 * With the gateway-api target, HTTPRoutes replace the VirtualServices and route versions to their own Services:
 * the DestinationRule keeps its traffic policy without subsets, and each version's Service gets the same policy
 * (a DestinationRule applies to its host only).
 */
function gatewayApiDestinationRules(
  system: ResolvedSystem['system'],
  service: NormalizedService,
  rule: DestinationRuleContext | null,
): DestinationRuleContext[] {
  if (!rule) return [];
  const own = rule.trafficPolicy ? [{ ...rule, subsets: null }] : [];
  if (!rule.trafficPolicy || !meshRouted(service)) return own;
  return [
    ...own,
    ...service.versions.map((v) => {
      const host = versionServiceName(service.name, v.name);
      return { ...rule, name: host, host, labels: serviceLabels(system, service, v.name), subsets: null };
    }),
  ];
}

function renderService(
  engine: TemplateEngine,
  resolved: ResolvedSystem,
  service: NormalizedService,
  gatewayApi: boolean,
): RenderedDocument[] {
  const where = serviceDocument(name, service);
  const destinationRule = destinationRuleContext(resolved.system, service);
  const destinationRules = gatewayApi
    ? gatewayApiDestinationRules(resolved.system, service, destinationRule)
    : destinationRule
      ? [destinationRule]
      : [];
  const authorizationPolicy = authorizationPolicyContext(resolved, service, gatewayApi);
  const peerAuthentication = servicePeerAuthenticationContext(resolved.system, service);
  return [
    ...(gatewayApi ? [] : meshVirtualServiceContexts(resolved.system, service)).flatMap((context) =>
      renderManifests(engine, where('virtualservice.yaml.hbs'), context),
    ),
    ...destinationRules.flatMap((context) => renderManifests(engine, where('destinationrule.yaml.hbs'), context)),
    ...(authorizationPolicy ? renderManifests(engine, where('authorizationpolicy.yaml.hbs'), authorizationPolicy) : []),
    ...(peerAuthentication ? renderManifests(engine, where('peerauthentication.yaml.hbs'), peerAuthentication) : []),
    ...(resolved.system.mesh.sidecarScope
      ? renderManifests(engine, where('sidecar.yaml.hbs'), sidecarContext(resolved, service, gatewayApi))
      : []),
  ];
}

/** An external's ServiceEntry, and its DestinationRules and VirtualServices when it has a circuit breaker, TLS origination, timeout or retries. */
function renderExternal(
  engine: TemplateEngine,
  resolved: ResolvedSystem,
  external: NormalizedExternal,
): RenderedDocument[] {
  const where = <T extends TemplateName>(template: T) => ({
    target: name,
    file: externalFile(external.name, name),
    template,
    source: external.path,
  });
  const system = resolved.system;
  return [
    ...renderManifests(engine, where('serviceentry.yaml.hbs'), serviceEntryContext(system, external)),
    ...externalDestinationRuleContexts(system, external).flatMap((context) =>
      renderManifests(engine, where('destinationrule.yaml.hbs'), context),
    ),
    ...externalVirtualServiceContexts(system, external).flatMap((context) =>
      renderManifests(engine, where('virtualservice.yaml.hbs'), context),
    ),
  ];
}

/** Traffic (VirtualService, DestinationRule) and zero-trust security (PeerAuthentication, AuthorizationPolicy). */
export const istioTarget: Target = {
  name,
  description:
    'VirtualService, DestinationRule and egress-scoping Sidecar per service, a ServiceEntry per external, the ingress Gateway, mTLS and one AuthorizationPolicy per service from the call graph',
  byDefault: () => true,
  preflight: (resolved, selected = [name]) => istioPreflight(resolved, selected.includes(gatewayApiName)),
  render: (resolved, { engine, selected = [name] }) => {
    const where = <T extends TemplateName>(template: T, source = pointer()) => ({
      target: name,
      file: namespaceFile(name),
      template,
      source,
    });
    // With gateway-api, its Gateway and HTTPRoutes replace the Istio Gateway and the VirtualServices of services and hosts.
    const gatewayApi = selected.includes(gatewayApiName);
    const hosts = gatewayApi ? [] : ingressHosts(resolved.system);
    const gateway = gatewayContext(resolved.system, hosts);
    const sidecar = namespaceSidecarContext(resolved.system);
    return [
      ...renderManifests(engine, where('peerauthentication.yaml.hbs'), peerAuthenticationContext(resolved.system)),
      ...(sidecar ? renderManifests(engine, where('sidecar.yaml.hbs', pointer('mesh')), sidecar) : []),
      ...(gateway ? renderManifests(engine, where('gateway.yaml.hbs', pointer('mesh')), gateway) : []),
      // Each host's VirtualService comes from the first `ingress.hosts` entry naming the host.
      ...hosts.flatMap((host) =>
        hostVirtualServiceContexts(resolved.system, [host]).flatMap((context) =>
          renderManifests(engine, where('virtualservice.yaml.hbs', host.entries[0]!.path), context),
        ),
      ),
      ...resolved.system.services.flatMap((service) => renderService(engine, resolved, service, gatewayApi)),
      ...resolved.system.externals.flatMap((external) => renderExternal(engine, resolved, external)),
    ];
  },
};
