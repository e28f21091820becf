import type { NormalizedService } from '../../normalize/model.js';
import type { ResolvedSystem } from '../../resolve/resolve.js';
import type { TemplateContexts, TemplateName } from '../contexts.js';
import { renderManifests, type TemplateEngine } from '../engine.js';
import type { RenderedDocument, Target } from '../target.js';
import { serviceFile } from '../layout.js';
import { appSelector, serviceLabels } from './labels.js';
import { podPorts } from '../../normalize/ports.js';
import { headlessServiceName } from '../../resolve/addresses.js';
import { servicePorts } from './ports.js';
import { filesConfigMapData, filesConfigMapName } from './files.js';
import { scaledObjectContext } from './scaled-object.js';
import { deploymentContext, workloadKind, workloads } from './workload.js';

const name = 'kubernetes';

function renderService(
  engine: TemplateEngine,
  resolved: ResolvedSystem,
  service: NormalizedService,
): RenderedDocument[] {
  const system = resolved.system;
  const file = serviceFile(service.name, name);
  const render = <T extends TemplateName>(template: T, context: TemplateContexts[T]) =>
    renderManifests(engine, { target: name, file, template, source: service.path }, context);
  const metadata = { name: service.name, namespace: system.namespace, labels: serviceLabels(system, service) };
  // Object.assign, not `{ ...metadata, ...fields }`: V8 gives a literal that starts with a spread and adds fields a
  // hidden class of its own each time (one per service), and Handlebars' every look-up into it then misses its caches.
  const withMetadata = <T extends object>(fields: T) => Object.assign({}, metadata, fields);
  const deployments = workloads(service);
  const ports = servicePorts(podPorts(service));
  const { external } = service.kubernetesService;
  return [
    ...render(
      'serviceaccount.yaml.hbs',
      withMetadata({
        name: service.pod.serviceAccount.name,
        annotations:
          Object.keys(service.pod.serviceAccount.annotations).length > 0
            ? service.pod.serviceAccount.annotations
            : null,
      }),
    ),
    // A worker (no exposed port) has no Service: nothing could reach it.
    ...(ports.length === 0
      ? []
      : render(
          'service.yaml.hbs',
          withMetadata({
            headless: false,
            annotations:
              Object.keys(service.kubernetesService.annotations).length > 0
                ? service.kubernetesService.annotations
                : null,
            type: service.kubernetesService.type === 'ClusterIP' ? null : service.kubernetesService.type,
            selector: appSelector(service),
            ports,
          }),
        )),
    // `service.external`: the same pods for clients outside the cluster, on the ports it names.
    ...(external
      ? render(
          'service.yaml.hbs',
          withMetadata({
            name: external.name,
            headless: false,
            annotations: Object.keys(external.annotations).length > 0 ? external.annotations : null,
            type: external.type,
            selector: appSelector(service),
            ports: servicePorts(podPorts(service).filter((p) => external.ports.includes(p.name))),
          }),
        )
      : []),
    // A StatefulSet's pods get stable DNS names from a headless Service, with or without ports.
    ...(service.workload === 'statefulset'
      ? render(
          'service.yaml.hbs',
          withMetadata({
            name: headlessServiceName(service.name),
            annotations: null,
            type: null,
            headless: true,
            selector: appSelector(service),
            ports: ports.length > 0 ? ports : null,
          }),
        )
      : []),
    ...(service.files.length > 0
      ? render(
          'files-configmap.yaml.hbs',
          withMetadata({
            name: filesConfigMapName(service),
            data: filesConfigMapData(service),
          }),
        )
      : []),
    ...deployments.flatMap((workload) => render('deployment.yaml.hbs', deploymentContext(resolved, service, workload))),
    // normalize sets a default budget only when replicas > 1; one the spec sets is always emitted (lint judges it).
    ...(service.disruption
      ? render(
          'poddisruptionbudget.yaml.hbs',
          withMetadata({
            selector: appSelector(service),
            disruption: service.disruption,
          }),
        )
      : []),
    ...(service.lagAutoscale
      ? deployments.flatMap((workload) =>
          render('scaledobject.yaml.hbs', scaledObjectContext(system, service, workload)),
        )
      : []),
    // With lagAutoscale, KEDA's ScaledObject carries the CPU trigger: a second HPA would fight it.
    ...(service.autoscale && !service.lagAutoscale
      ? deployments.flatMap((workload) =>
          render(
            'horizontalpodautoscaler.yaml.hbs',
            withMetadata({
              name: workload.name,
              labels: serviceLabels(system, service, workload.version),
              target: workload.name,
              targetKind: workloadKind(service),
              minReplicas: service.autoscale!.min,
              maxReplicas: service.autoscale!.max,
              cpuPercent: service.autoscale!.cpuPercent,
            }),
          ),
        )
      : []),
  ];
}

/** Deployment(s), Service, ServiceAccount, PodDisruptionBudget and HorizontalPodAutoscaler for every service. */
export const kubernetesTarget: Target = {
  name,
  description:
    'Deployment (one per version) or StatefulSet (with its headless Service), the ConfigMap of its `files`, Service, ServiceAccount, PodDisruptionBudget and HorizontalPodAutoscaler (or, for subscriptions with autoscale, a KEDA ScaledObject) per service',
  byDefault: () => true,
  render: (resolved, { engine }) =>
    resolved.system.services.flatMap((service) => renderService(engine, resolved, service)),
};
