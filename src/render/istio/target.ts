import { codes } from '../../diagnostics/codes.js';
import type { NormalizedService } from '../../normalize/model.js';
import type { ResolvedSystem } from '../../resolve/graph.js';
import { renderManifests, type TemplateEngine } from '../engine.js';
import { namespaceFile, serviceFile } from '../kubernetes/labels.js';
import type { RenderedDocument, Target } from '../target.js';
import { destinationRuleContext } from './destination-rule.js';
import { authorizationPolicyContext, peerAuthenticationContext } from './security.js';
import { gatewayContext, ingressVirtualServiceContexts, ingressVirtualServiceName } from './ingress.js';
import { meshVirtualServiceContexts } from './virtual-service.js';

const name = 'istio';

function renderService(engine: TemplateEngine, resolved: ResolvedSystem, service: NormalizedService): RenderedDocument[] {
  const where = (template: string) => ({ target: name, file: serviceFile(service, name), template });
  const destinationRule = destinationRuleContext(resolved.system, service);
  return [
    ...[...meshVirtualServiceContexts(resolved.system, service), ...ingressVirtualServiceContexts(resolved.system, service)].flatMap((context) =>
      renderManifests(engine, where('virtualservice.yaml.hbs'), context),
    ),
    ...(destinationRule ? renderManifests(engine, where('destinationrule.yaml.hbs'), destinationRule) : []),
    ...renderManifests(engine, where('authorizationpolicy.yaml.hbs'), authorizationPolicyContext(resolved, service)),
  ];
}

/** Traffic (VirtualService, DestinationRule) and zero-trust security (PeerAuthentication, AuthorizationPolicy). */
export const istioTarget: Target = {
  name,
  description: 'VirtualService and DestinationRule per service, the ingress Gateway, STRICT mTLS and one AuthorizationPolicy per service from the call graph',
  byDefault: () => true,
  check: (resolved) =>
    resolved.system.services.flatMap((service) => {
      const taken = service.ingress && resolved.service(ingressVirtualServiceName(service.name));
      if (!taken) return [];
      const message = `the ingress VirtualService of '${service.name}' is named '${taken.name}', like the service '${taken.name}': rename one of them`;
      return [{ rule: codes.virtualserviceName.id, severity: 'error' as const, message, path: `${service.path}/ingress` }];
    }),
  render: (resolved, { engine }) => {
    const where = (template: string) => ({ target: name, file: namespaceFile(name), template });
    const gateway = gatewayContext(resolved.system);
    return [
      ...renderManifests(engine, where('peerauthentication.yaml.hbs'), peerAuthenticationContext(resolved.system)),
      ...(gateway ? renderManifests(engine, where('gateway.yaml.hbs'), gateway) : []),
      ...resolved.system.services.flatMap((service) => renderService(engine, resolved, service)),
    ];
  },
};

