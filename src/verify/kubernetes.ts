import { modelEntries } from './strict-model.js';

/** The Kubernetes kinds hamesh emits (ConfigMap for other targets' use), checked against the upstream OpenAPI schemas. */
export const kubernetesVerifiers = modelEntries('kubernetes-models@5 (Kubernetes 1.36 OpenAPI)', [
  ['v1', 'Namespace', async () => (await import('kubernetes-models/v1/Namespace')).Namespace],
  ['v1', 'ServiceAccount', async () => (await import('kubernetes-models/v1/ServiceAccount')).ServiceAccount],
  ['v1', 'ConfigMap', async () => (await import('kubernetes-models/v1/ConfigMap')).ConfigMap],
  ['v1', 'Service', async () => (await import('kubernetes-models/v1/Service')).Service],
  ['apps/v1', 'Deployment', async () => (await import('kubernetes-models/apps/v1/Deployment')).Deployment],
  ['apps/v1', 'StatefulSet', async () => (await import('kubernetes-models/apps/v1/StatefulSet')).StatefulSet],
  [
    'policy/v1',
    'PodDisruptionBudget',
    async () => (await import('kubernetes-models/policy/v1/PodDisruptionBudget')).PodDisruptionBudget,
  ],
  [
    'autoscaling/v2',
    'HorizontalPodAutoscaler',
    async () => (await import('kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler')).HorizontalPodAutoscaler,
  ],
  // Kinds a spec's `objects` commonly passes through.
  ['v1', 'Secret', async () => (await import('kubernetes-models/v1/Secret')).Secret],
  [
    'v1',
    'PersistentVolumeClaim',
    async () => (await import('kubernetes-models/v1/PersistentVolumeClaim')).PersistentVolumeClaim,
  ],
  [
    'rbac.authorization.k8s.io/v1',
    'Role',
    async () => (await import('kubernetes-models/rbac.authorization.k8s.io/v1/Role')).Role,
  ],
  [
    'rbac.authorization.k8s.io/v1',
    'RoleBinding',
    async () => (await import('kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding')).RoleBinding,
  ],
  [
    'rbac.authorization.k8s.io/v1',
    'ClusterRole',
    async () => (await import('kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole')).ClusterRole,
  ],
  [
    'rbac.authorization.k8s.io/v1',
    'ClusterRoleBinding',
    async () => (await import('kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding')).ClusterRoleBinding,
  ],
  [
    'networking.k8s.io/v1',
    'NetworkPolicy',
    async () => (await import('kubernetes-models/networking.k8s.io/v1/NetworkPolicy')).NetworkPolicy,
  ],
  [
    'networking.k8s.io/v1',
    'Ingress',
    async () => (await import('kubernetes-models/networking.k8s.io/v1/Ingress')).Ingress,
  ],
  ['batch/v1', 'Job', async () => (await import('kubernetes-models/batch/v1/Job')).Job],
  ['batch/v1', 'CronJob', async () => (await import('kubernetes-models/batch/v1/CronJob')).CronJob],
  ['apps/v1', 'DaemonSet', async () => (await import('kubernetes-models/apps/v1/DaemonSet')).DaemonSet],
]);
