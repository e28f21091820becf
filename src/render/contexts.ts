/**
 * The context each built-in template is rendered with: one exported type per template, keyed by its file name in
 * `TemplateContexts`. An override (`--templates DIR`) of a template gets exactly this context; every template's
 * header comment says the same in words, and the README's template section lists them. A value of `null` means
 * "leave the field out" (the templates test it with `{{#if}}`).
 */
import type { AclPlan } from './kafka/users.js';
import type { RetryPlanDocument } from './kafka/retry-plan.js';
import type { Labels } from './kubernetes/labels.js';
import type { asyncApiContext } from './asyncapi/catalog.js';
import type { deploymentContext } from './kubernetes/workload.js';

/** Fields every namespaced object's template starts with. */
export interface ObjectMeta {
  name: string;
  namespace: string;
  labels: Labels;
}

/** `namespace.yaml.hbs`: the system's Namespace. */
export interface NamespaceContext {
  name: string;
  labels: Labels;
}

/** `serviceaccount.yaml.hbs`: a service's ServiceAccount (its mesh identity). */
export interface ServiceAccountContext extends ObjectMeta {
  annotations: Record<string, string> | null;
}

/** `service.yaml.hbs`: a service's Service, or a StatefulSet's headless one. */
export interface ServiceContext extends ObjectMeta {
  annotations: Record<string, string> | null;
  /** `LoadBalancer` or `NodePort`; null for ClusterIP (the default). */
  type: 'LoadBalancer' | 'NodePort' | null;
  /** A headless Service (`clusterIP: None`) for a StatefulSet's pod DNS names. */
  headless: boolean;
  selector: Labels;
  /** Service ports (`name`, `port`, `targetPort`, `protocol`, `appProtocol`); null: none. */
  ports: object[] | null;
}

/** `files-configmap.yaml.hbs`: the ConfigMap holding a service's `files`. */
export interface FilesConfigMapContext extends ObjectMeta {
  /** File name → content. */
  data: Record<string, string> | null;
}

/** `deployment.yaml.hbs`: one Deployment (per version) or the StatefulSet of a service. */
export type DeploymentContext = ReturnType<typeof deploymentContext>;

/** `poddisruptionbudget.yaml.hbs`. */
export interface PodDisruptionBudgetContext extends ObjectMeta {
  selector: Labels;
  /** One of the two is set. */
  disruption: { maxUnavailable?: number | string; minAvailable?: number | string };
}

/** `horizontalpodautoscaler.yaml.hbs`: CPU autoscaling of one workload. */
export interface HorizontalPodAutoscalerContext extends ObjectMeta {
  /** The workload's name and kind. */
  target: string;
  targetKind: 'Deployment' | 'StatefulSet';
  minReplicas: number;
  maxReplicas: number;
  cpuPercent: number;
}

/** `scaledobject.yaml.hbs`: KEDA autoscaling of one workload on consumer lag (and CPU). */
export interface ScaledObjectContext extends ObjectMeta {
  target: string;
  targetKind: 'Deployment' | 'StatefulSet';
  minReplicas: number;
  maxReplicas: number;
  /** KEDA triggers: `type`, `metricType` (cpu), `metadata`. */
  triggers: Array<{ type: string; metricType?: string; metadata: Record<string, string> }>;
}

/** `virtualservice.yaml.hbs`: a service's in-mesh VirtualService, or an ingress host's gateway-bound one. */
export interface VirtualServiceContext extends ObjectMeta {
  hosts: string[];
  gateways: string[] | null;
  /** Istio HTTP routes (`match`, `route`, `timeout`, `retries`, `fault`, …); null: none. */
  http: object[] | null;
  /** Istio TCP routes; null: none. */
  tcp: object[] | null;
}

/** `destinationrule.yaml.hbs`: a service's traffic policy and version subsets. */
export interface DestinationRuleContext extends ObjectMeta {
  host: string;
  /** Each part is absent when the spec sets nothing for it; null: no traffic policy at all. */
  trafficPolicy: {
    loadBalancer?: Record<string, unknown>;
    connectionPool?: Record<string, unknown>;
    outlierDetection?: Record<string, unknown>;
    /** TLS origination per port (externals). */
    portLevelSettings?: object[];
  } | null;
  subsets: Array<{ name: string; labels: Labels }> | null;
}

/** `gateway.yaml.hbs`: the Istio ingress Gateway hamesh emits. */
export interface GatewayContext extends ObjectMeta {
  /** Labels of the ingress gateway pods. */
  selector: Record<string, string>;
  /** Istio Gateway servers (`port`, `hosts`, `tls`). */
  servers: object[];
}

/** `ingress.yaml.hbs`: the Kubernetes Ingress of one ingress host (`--target ingress`). */
export interface IngressContext extends ObjectMeta {
  className: string;
  /** Ingress TLS entries (`hosts`, `secretName`); null: none. */
  tls: object[] | null;
  /** Ingress rules (`host`, `http.paths`). */
  rules: object[];
}

/** `httproute.yaml.hbs`: a Gateway API HTTPRoute (`--target gateway-api`): a service's mesh routes, or an ingress host's. */
export interface HttpRouteContext extends ObjectMeta {
  /** The Service (GAMMA mesh routing) or the Gateway (and listener) the routes attach to. */
  parentRefs: object[];
  /** The ingress host; null: every host (a mesh route, or the `*` host). */
  hostnames: string[] | null;
  /** HTTPRoute rules (`name`, `matches`, `filters`, `backendRefs`, `timeouts`). */
  rules: object[];
}

/** `gateway-api-gateway.yaml.hbs`: the Gateway API Gateway of the ingress hosts (`--target gateway-api`). */
export interface GatewayApiGatewayContext extends ObjectMeta {
  /** `istio`: Istio deploys and runs the gateway. */
  gatewayClassName: string;
  /** Listeners (`name`, `hostname`, `port`, `protocol`, `tls`, `allowedRoutes`), one per host and scheme. */
  listeners: object[];
}

/** `peerauthentication.yaml.hbs`: mTLS for the namespace, or for one service's pods (`selector`). */
export interface PeerAuthenticationContext extends ObjectMeta {
  selector: Labels | null;
  mode: 'STRICT' | 'PERMISSIVE';
}

/** `serviceentry.yaml.hbs`: an external (`externals.<name>`). */
export interface ServiceEntryContext extends ObjectMeta {
  hosts: string[];
  addresses: string[] | null;
  /** Istio ServicePorts (`number`, `name`, `protocol`, `targetPort`). */
  ports: object[];
  resolution: 'DNS' | 'STATIC' | 'NONE';
  endpoints: Array<{ address: string }> | null;
}

/** `sidecar.yaml.hbs`: a service's egress scope, or the namespace-wide `default` Sidecar. */
export interface SidecarContext extends ObjectMeta {
  selector: Labels | null;
  hosts: string[];
  outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' | 'ALLOW_ANY' } | null;
}

/** `authorizationpolicy.yaml.hbs`: who may call a service. */
export interface AuthorizationPolicyContext extends ObjectMeta {
  selector: Labels;
  /** ALLOW rules (`from: [{source: {principals}}]`); null: no rule, so nobody is admitted. */
  rules: object[] | null;
}

/** `kafkatopic.yaml.hbs`: one Strimzi KafkaTopic (an event's, or a retry or dead-letter topic). */
export interface KafkaTopicContext {
  apiVersion: string;
  /** metadata.name (a DNS name derived from the topic name). */
  resourceName: string;
  namespace: string;
  /** The Strimzi cluster (the strimzi.io/cluster label). */
  cluster: string;
  system: string;
  topicName: string;
  partitions: number;
  replicas: number;
  cleanupPolicy: 'compact' | 'delete';
  minInSync: number;
  retentionMs: number;
}

/** `kafkauser.yaml.hbs`: one service's Strimzi KafkaUser and its ACLs. */
export interface KafkaUserContext {
  apiVersion: string;
  name: string;
  namespace: string;
  cluster: string;
  /** The service's name. */
  service: string;
  system: string;
  authentication: 'scram-sha-512' | 'tls';
  acls: AclPlan[];
}

/** `retry-plan-configmap.yaml.hbs`: a subscribing service's consumer retry plan. */
export interface RetryPlanContext {
  name: string;
  namespace: string;
  service: string;
  system: string;
  /** The plan itself (per subscription: event, group, attempts with topic and delay). */
  plan: RetryPlanDocument;
  /** The plan as the JSON text the ConfigMap holds. */
  planJson: string;
}

/** `nats-stream.json.hbs`: one JetStream StreamConfig. Durations in nanoseconds. */
export interface NatsStreamContext {
  name: string;
  description: string;
  subjects: string[];
  maxAgeNs: number;
  replicas: number;
  duplicateWindowNs: number;
}

/** `nats-consumer.json.hbs`: one durable JetStream ConsumerConfig. Durations in nanoseconds. */
export interface NatsConsumerContext {
  name: string;
  description: string;
  ackWaitNs: number;
  /** -1: redeliver until acknowledged. */
  maxDeliver: number;
  /** null: no backoff. */
  backoffNs: number[] | null;
  maxAckPending: number;
}

/** `nats-configmap.yaml.hbs`: a ConfigMap bundling JSON files of the nats target. */
export interface NatsConfigMapContext {
  name: string;
  namespace: string;
  system: string;
  /** File name → JSON text. */
  data: Record<string, string>;
}

/** `nats-permissions.json.hbs`: each publishing or subscribing service's nats-server permissions. */
export interface NatsPermissionsContext {
  users: Array<{ service: string; variable: string; publish: string[]; subscribe: string[] }>;
}

/** `asyncapi.yaml.hbs`: the AsyncAPI 3.0 catalog (title, description, server, channels, operations). */
export type AsyncApiContext = ReturnType<typeof asyncApiContext>;

/** Every built-in template, by file name, and its context. */
export interface TemplateContexts {
  'asyncapi.yaml.hbs': AsyncApiContext;
  'authorizationpolicy.yaml.hbs': AuthorizationPolicyContext;
  'deployment.yaml.hbs': DeploymentContext;
  'destinationrule.yaml.hbs': DestinationRuleContext;
  'files-configmap.yaml.hbs': FilesConfigMapContext;
  'gateway.yaml.hbs': GatewayContext;
  'gateway-api-gateway.yaml.hbs': GatewayApiGatewayContext;
  'horizontalpodautoscaler.yaml.hbs': HorizontalPodAutoscalerContext;
  'httproute.yaml.hbs': HttpRouteContext;
  'ingress.yaml.hbs': IngressContext;
  'kafkatopic.yaml.hbs': KafkaTopicContext;
  'kafkauser.yaml.hbs': KafkaUserContext;
  'namespace.yaml.hbs': NamespaceContext;
  'nats-configmap.yaml.hbs': NatsConfigMapContext;
  'nats-consumer.json.hbs': NatsConsumerContext;
  'nats-permissions.json.hbs': NatsPermissionsContext;
  'nats-stream.json.hbs': NatsStreamContext;
  'peerauthentication.yaml.hbs': PeerAuthenticationContext;
  'poddisruptionbudget.yaml.hbs': PodDisruptionBudgetContext;
  'retry-plan-configmap.yaml.hbs': RetryPlanContext;
  'scaledobject.yaml.hbs': ScaledObjectContext;
  'service.yaml.hbs': ServiceContext;
  'serviceaccount.yaml.hbs': ServiceAccountContext;
  'serviceentry.yaml.hbs': ServiceEntryContext;
  'sidecar.yaml.hbs': SidecarContext;
  'virtualservice.yaml.hbs': VirtualServiceContext;
}

export type TemplateName = keyof TemplateContexts;
