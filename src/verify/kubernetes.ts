import { strictModelVerifier } from './strict-model.js';
import type { VerifierEntry } from './verifier.js';

const source = 'kubernetes-models@5 (Kubernetes 1.36 OpenAPI)';

/** The Kubernetes kinds hamesh emits (ConfigMap for other targets' use), checked against the upstream OpenAPI schemas. */
export const kubernetesVerifiers: VerifierEntry[] = [
  { apiVersion: 'v1', kind: 'Namespace', source, load: async () => strictModelVerifier((await import('kubernetes-models/v1/Namespace')).Namespace) },
  { apiVersion: 'v1', kind: 'ServiceAccount', source, load: async () => strictModelVerifier((await import('kubernetes-models/v1/ServiceAccount')).ServiceAccount) },
  { apiVersion: 'v1', kind: 'ConfigMap', source, load: async () => strictModelVerifier((await import('kubernetes-models/v1/ConfigMap')).ConfigMap) },
  { apiVersion: 'v1', kind: 'Service', source, load: async () => strictModelVerifier((await import('kubernetes-models/v1/Service')).Service) },
  { apiVersion: 'apps/v1', kind: 'Deployment', source, load: async () => strictModelVerifier((await import('kubernetes-models/apps/v1/Deployment')).Deployment) },
  {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    source,
    load: async () => strictModelVerifier((await import('kubernetes-models/policy/v1/PodDisruptionBudget')).PodDisruptionBudget),
  },
  {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    source,
    load: async () => strictModelVerifier((await import('kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler')).HorizontalPodAutoscaler),
  },
];
