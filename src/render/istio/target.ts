import { codes } from '../../diagnostics/codes.js';
import { pointer } from '../../diagnostics/diagnostic.js';
import type { NormalizedService } from '../../normalize/model.js';
import type { ResolvedSystem } from '../../resolve/resolve.js';
import type { TemplateName } from '../contexts.js';
import { renderManifests, type TemplateEngine } from '../engine.js';
import { namespaceFile, serviceFile } from '../layout.js';
import type { RenderedDocument, Target } from '../target.js';
import { destinationRuleContext } from './destination-rule.js';
import { authorizationPolicyContext, peerAuthenticationContext } from './security.js';
import { ingressHosts } from '../../resolve/ingress-hosts.js';
import { gatewayContext, hostVirtualServiceContexts } from './ingress.js';
import { meshVirtualServiceContexts } from './virtual-service.js';

const name = 'istio';

function renderService(engine: TemplateEngine, resolved: ResolvedSystem, service: NormalizedService): RenderedDocument[] {
  const where = <T extends TemplateName>(template: T) => ({ target: name, file: serviceFile(service.name, name), template, source: service.path });
  const destinationRule = destinationRuleContext(resolved.system, service);
  return [
    ...meshVirtualServiceContexts(resolved.system, service).flatMap((context) => renderManifests(engine, where('virtualservice.yaml.hbs'), context)),
    ...(destinationRule ? renderManifests(engine, where('destinationrule.yaml.hbs'), destinationRule) : []),
    ...renderManifests(engine, where('authorizationpolicy.yaml.hbs'), authorizationPolicyContext(resolved, service)),
  ];
}

/** Traffic (VirtualService, DestinationRule) and zero-trust security (PeerAuthentication, AuthorizationPolicy). */
export const istioTarget: Target = {
  name,
  description: 'VirtualService and DestinationRule per service, the ingress Gateway, STRICT mTLS and one AuthorizationPolicy per service from the call graph',
  byDefault: () => true,
  preflight: (resolved) =>
    ingressHosts(resolved.system).flatMap((host) => {
      const taken = resolved.service(host.name);
      if (!taken) return [];
      const message = `the VirtualService of the ingress host ${JSON.stringify(host.host)} is named '${host.name}', like the service '${taken.name}': rename the service or use another host`;
      return [{ rule: codes.virtualserviceName.id, severity: 'error' as const, message, path: host.entries[0]!.path }];
    }),
  render: (resolved, { engine }) => {
    const where = <T extends TemplateName>(template: T, source = pointer()) => ({ target: name, file: namespaceFile(name), template, source });
    const hosts = ingressHosts(resolved.system);
    const gateway = gatewayContext(resolved.system, hosts);
    return [
      ...renderManifests(engine, where('peerauthentication.yaml.hbs'), peerAuthenticationContext(resolved.system)),
      ...(gateway ? renderManifests(engine, where('gateway.yaml.hbs', pointer('mesh')), gateway) : []),
      // Each host's VirtualService comes from the first `ingress.hosts` entry naming the host.
      ...hosts.flatMap((host) =>
        hostVirtualServiceContexts(resolved.system, [host]).flatMap((context) => renderManifests(engine, where('virtualservice.yaml.hbs', host.entries[0]!.path), context)),
      ),
      ...resolved.system.services.flatMap((service) => renderService(engine, resolved, service)),
    ];
  },
};

