import { modelEntries } from './strict-model.js';

/** The Kubernetes kinds hamesh emits (ConfigMap for other targets' use), checked against the upstream OpenAPI schemas. */
export const kubernetesVerifiers = modelEntries('kubernetes-models@5 (Kubernetes 1.36 OpenAPI)', [
  ['v1', 'Namespace', async () => (await import('kubernetes-models/v1/Namespace')).Namespace],
  ['v1', 'ServiceAccount', async () => (await import('kubernetes-models/v1/ServiceAccount')).ServiceAccount],
  ['v1', 'ConfigMap', async () => (await import('kubernetes-models/v1/ConfigMap')).ConfigMap],
  ['v1', 'Service', async () => (await import('kubernetes-models/v1/Service')).Service],
  ['apps/v1', 'Deployment', async () => (await import('kubernetes-models/apps/v1/Deployment')).Deployment],
  ['policy/v1', 'PodDisruptionBudget', async () => (await import('kubernetes-models/policy/v1/PodDisruptionBudget')).PodDisruptionBudget],
  ['autoscaling/v2', 'HorizontalPodAutoscaler', async () => (await import('kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler')).HorizontalPodAutoscaler],
]);
