import type { IAuthorizationPolicy } from '@kubernetes-models/istio/security.istio.io/v1/AuthorizationPolicy';
import type { IPeerAuthentication } from '@kubernetes-models/istio/security.istio.io/v1/PeerAuthentication';
import type { IDestinationRule } from '@kubernetes-models/istio/networking.istio.io/v1/DestinationRule';
import type { IGateway } from '@kubernetes-models/istio/networking.istio.io/v1/Gateway';
import type { IServiceEntry } from '@kubernetes-models/istio/networking.istio.io/v1/ServiceEntry';
import type { ISidecar } from '@kubernetes-models/istio/networking.istio.io/v1/Sidecar';
import type { IVirtualService } from '@kubernetes-models/istio/networking.istio.io/v1/VirtualService';
import type { IDaemonSet } from 'kubernetes-models/apps/v1/DaemonSet';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IStatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { ICronJob } from 'kubernetes-models/batch/v1/CronJob';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { IClusterRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole';
import type { IClusterRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding';
import type { IRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/Role';
import type { IRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { INamespace } from 'kubernetes-models/v1/Namespace';
import type { IPersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import type { ISecret } from 'kubernetes-models/v1/Secret';
import type { IService } from 'kubernetes-models/v1/Service';
import type { IServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import type * as Schema from './spec/schema.generated.js';

/** A JSON merge patch (RFC 7386) of T: every field optional, `null` removes it, arrays replace the whole list. */
export type MergePatchOf<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: MergePatchOf<T[K]> | null }
    : T;

/** The Kubernetes/Istio interface of each kind hamesh renders or passes through (from kubernetes-models and @kubernetes-models/istio). */
interface Kinds {
  Deployment: IDeployment;
  StatefulSet: IStatefulSet;
  Service: IService;
  ServiceAccount: IServiceAccount;
  PodDisruptionBudget: IPodDisruptionBudget;
  HorizontalPodAutoscaler: IHorizontalPodAutoscaler;
  ConfigMap: IConfigMap;
  Namespace: INamespace;
  VirtualService: IVirtualService;
  DestinationRule: IDestinationRule;
  AuthorizationPolicy: IAuthorizationPolicy;
  PeerAuthentication: IPeerAuthentication;
}

/** A service's `patches`, each typed from its kind's interface, so the editor completes and checks them. */
export type ServicePatchesSpec = {
  [Kind in keyof Kinds & keyof Schema.ServicePatches]?: MergePatchOf<Kinds[Kind]>;
} & Omit<Schema.ServicePatches, keyof Kinds>;

/** The top-level `patches`: `"<Kind>/<name>"`, typed for the kinds above. */
export type SystemPatchesSpec = {
  [Key in `${keyof Kinds}/${string}`]?: Key extends `${infer Kind extends keyof Kinds}/${string}`
    ? MergePatchOf<Kinds[Kind]>
    : never;
};

/** An object `objects` passes through: one of the kinds the verifier knows, typed from its interface. */
export type ExtraObjectSpec =
  | ISecret
  | IConfigMap
  | IServiceAccount
  | IService
  | IPersistentVolumeClaim
  | IRole
  | IRoleBinding
  | IClusterRole
  | IClusterRoleBinding
  | INetworkPolicy
  | IIngress
  | IJob
  | ICronJob
  | IDaemonSet
  | IDeployment
  | IGateway
  | IServiceEntry
  | ISidecar
  | IVirtualService
  | IDestinationRule
  | IAuthorizationPolicy;
