import { defineRule } from '../rule.js';

export const rule = defineRule({
  meta: {
    id: 'autoscale-cpu-request',
    severity: 'error',
    description: 'A service autoscales on CPU utilisation but has no `resources.cpu` request.',
    rationale:
      'The HorizontalPodAutoscaler hamesh emits scales on average CPU utilisation, which Kubernetes computes as a share of the ' +
      "pods' CPU request. Without a request the utilisation is unknown: the HPA reports FailedGetResourceMetric and never scales, " +
      'however high the load.',
    fix: 'Set `resources.cpu` (e.g. 250m) on the service, its profile or `defaults`; or replace `autoscale` with fixed `replicas`.',
  },
  check({ system, report }) {
    for (const service of system.services) {
      if (!service.autoscale || service.resources?.cpu !== undefined) continue;
      report({
        path: service.origin.autoscale,
        subject: service.path,
        message: `'${service.name}' autoscales on ${service.autoscale.cpuPercent}% CPU utilisation but has no resources.cpu request, so its HPA cannot compute utilisation and never scales`,
      });
    }
  },
});
