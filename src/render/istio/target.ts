import { pointer } from '../../diagnostics/diagnostic.js';
import type { NormalizedService } from '../../normalize/model.js';
import type { ResolvedSystem } from '../../resolve/resolve.js';
import type { TemplateName } from '../contexts.js';
import { renderManifests, type TemplateEngine } from '../engine.js';
import { externalFile, namespaceFile, serviceFile } from '../layout.js';
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

function renderService(
  engine: TemplateEngine,
  resolved: ResolvedSystem,
  service: NormalizedService,
): RenderedDocument[] {
  const where = <T extends TemplateName>(template: T) => ({
    target: name,
    file: serviceFile(service.name, name),
    template,
    source: service.path,
  });
  const destinationRule = destinationRuleContext(resolved.system, service);
  const authorizationPolicy = authorizationPolicyContext(resolved, service);
  const peerAuthentication = servicePeerAuthenticationContext(resolved.system, service);
  return [
    ...meshVirtualServiceContexts(resolved.system, service).flatMap((context) =>
      renderManifests(engine, where('virtualservice.yaml.hbs'), context),
    ),
    ...(destinationRule ? renderManifests(engine, where('destinationrule.yaml.hbs'), destinationRule) : []),
    ...(authorizationPolicy ? renderManifests(engine, where('authorizationpolicy.yaml.hbs'), authorizationPolicy) : []),
    ...(peerAuthentication ? renderManifests(engine, where('peerauthentication.yaml.hbs'), peerAuthentication) : []),
    ...(resolved.system.mesh.sidecarScope
      ? renderManifests(engine, where('sidecar.yaml.hbs'), sidecarContext(resolved, service))
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
  preflight: istioPreflight,
  render: (resolved, { engine }) => {
    const where = <T extends TemplateName>(template: T, source = pointer()) => ({
      target: name,
      file: namespaceFile(name),
      template,
      source,
    });
    const hosts = ingressHosts(resolved.system);
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
      ...resolved.system.services.flatMap((service) => renderService(engine, resolved, service)),
      ...resolved.system.externals.flatMap((external) => renderExternal(engine, resolved, external)),
    ];
  },
};
