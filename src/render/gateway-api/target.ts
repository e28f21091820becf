import { pointer } from '../../diagnostics/diagnostic.js';
import type { NormalizedService, NormalizedSystem } from '../../normalize/model.js';
import { podPorts } from '../../normalize/ports.js';
import { ingressHosts } from '../../resolve/ingress-hosts.js';
import type { HttpRouteContext, ServiceContext, TemplateName } from '../contexts.js';
import { renderManifests, serviceDocument, type TemplateEngine } from '../engine.js';
import { serviceLabels } from '../kubernetes/labels.js';
import { servicePorts } from '../kubernetes/ports.js';
import { namespaceFile } from '../layout.js';
import type { RenderedDocument, Target } from '../target.js';
import { gatewayContext, hostRouteContexts } from './ingress.js';
import { gatewayApiPreflight } from './preflight.js';
import { httpPorts, meshRouted, meshRouteName, serviceRules, versionServiceName } from './routes.js';

const name = 'gateway-api';

/**
 * The mesh HTTPRoutes of a service (GAMMA: the parent is the service's own Service), one per HTTP or gRPC port,
 * when the spec asks for something a route says (versions, routes, a timeout); none otherwise.
 */
function meshRouteContexts(system: NormalizedSystem, service: NormalizedService): HttpRouteContext[] {
  if (!meshRouted(service)) return [];
  return httpPorts(service).map((port) => ({
    name: meshRouteName(service, port.portName),
    namespace: system.namespace,
    labels: serviceLabels(system, service),
    parentRefs: [{ group: '', kind: 'Service', name: service.name, port: port.servicePort }],
    hostnames: null,
    rules: serviceRules(service, port.servicePort),
  }));
}

/** A Service per version (`<service>-<version>`, selecting the version's pods): the backends weights point at. */
function versionServiceContexts(system: NormalizedSystem, service: NormalizedService): ServiceContext[] {
  if (!meshRouted(service)) return [];
  const ports = servicePorts(podPorts(service));
  return service.versions.map((version) => ({
    name: versionServiceName(service.name, version.name),
    namespace: system.namespace,
    labels: serviceLabels(system, service, version.name),
    annotations: null,
    type: null,
    headless: false,
    selector: { app: service.name, version: version.name },
    ports,
  }));
}

function renderService(
  engine: TemplateEngine,
  system: NormalizedSystem,
  service: NormalizedService,
): RenderedDocument[] {
  const where = serviceDocument(name, service);
  return [
    ...versionServiceContexts(system, service).flatMap((c) => renderManifests(engine, where('service.yaml.hbs'), c)),
    ...meshRouteContexts(system, service).flatMap((c) => renderManifests(engine, where('httproute.yaml.hbs'), c)),
  ];
}

/**
 * Kubernetes Gateway API routing instead of Istio's VirtualServices and Gateway (Istio reads both; it recommends
 * HTTPRoute for ambient mode): mesh HTTPRoutes attached to each service's Service, a Service per version for
 * the weights, and a Gateway with an HTTPRoute per ingress host. With the istio target, its DestinationRules,
 * security and Sidecars stay, adapted (see src/render/istio/target.ts).
 */
export const gatewayApiTarget: Target = {
  name,
  description:
    'Kubernetes Gateway API (standard channel) instead of VirtualServices and the Istio Gateway: mesh HTTPRoutes (GAMMA) per service, a Service per version, a Gateway (class istio) and an HTTPRoute per ingress host; not by default',
  byDefault: () => false,
  preflight: (resolved) => gatewayApiPreflight(resolved.system),
  render: (resolved, { engine }) => {
    const { system } = resolved;
    const hosts = ingressHosts(system);
    const gateway = gatewayContext(system, hosts);
    const where = <T extends TemplateName>(template: T, source: string) => ({
      target: name,
      file: namespaceFile(name),
      template,
      source,
    });
    return [
      ...(gateway ? renderManifests(engine, where('gateway-api-gateway.yaml.hbs', pointer('mesh')), gateway) : []),
      // Each host's HTTPRoutes come from the first `ingress.hosts` entry naming the host.
      ...hosts.flatMap((host) =>
        hostRouteContexts(system, host).flatMap((c) =>
          renderManifests(engine, where('httproute.yaml.hbs', host.entries[0]!.path), c),
        ),
      ),
      ...system.services.flatMap((service) => renderService(engine, system, service)),
    ];
  },
};
