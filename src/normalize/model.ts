import type {
  AllowSource,
  Annotations,
  Autoscale,
  EnvFrom,
  EnvValue,
  ImagePullPolicy,
  Labels,
  Disruption,
  LoadBalancer,
  Policy,
  Protocol,
  Resources,
  RouteMatch,
  Spread,
  StringMatch,
  Tier,
  Toleration,
} from '../spec/schema.generated.js';

/** The HA fields a profile (or `defaults`) may set (and `tier`); their value's origin is tracked per service. */
export type HaField =
  | 'tier'
  | 'replicas'
  | 'autoscale'
  | 'resources'
  | 'probes'
  | 'spread'
  | 'disruption'
  | 'loadBalancer'
  | 'timeout'
  | 'retries'
  | 'circuitBreaker'
  | 'failover';

export interface NormalizedRetries {
  attempts: number;
  /** Milliseconds. */
  perTryTimeoutMs?: number;
  on?: string[];
}

export interface NormalizedCircuitBreaker {
  consecutiveErrors: number;
  intervalMs: number;
  baseEjectionTimeMs: number;
  maxEjectionPercent: number;
  maxConnections?: number;
  maxPendingRequests?: number;
}

export interface NormalizedVersion {
  name: string;
  weight: number;
  image: string;
}

export interface NormalizedPort {
  /** The spec's key (for the one-port shorthand: the protocol, as before `ports` existed). */
  name: string;
  /** The name on the container and Service port: the protocol first, as Istio reads it (`http-metrics`). */
  portName: string;
  /** The container port. */
  port: number;
  /** The port the Service exposes. */
  servicePort: number;
  protocol: Protocol;
  /** False when the protocol is the default rather than written in the spec. */
  protocolGiven: boolean;
  /** Whether the Service exposes it. */
  expose: boolean;
  /** JSON Pointer of the port in the spec (`/services/<name>/port` for the shorthand). */
  path: string;
}

/** A probe in its object form (see `src/normalize/probes.ts`). */
export interface NormalizedProbe {
  check:
    | { http: string; headers: Array<{ name: string; value: string }> }
    | { grpc: true; service?: string }
    | { tcp: true }
    | { exec: string[] };
  /** The port probed: one the container declares, or a bare number it does not; none for `exec`. */
  port?: NormalizedPort | number;
  initialDelaySeconds?: number;
  periodSeconds?: number;
  timeoutSeconds?: number;
  failureThreshold?: number;
}

export interface NormalizedProbes {
  readiness?: NormalizedProbe;
  liveness?: NormalizedProbe;
  startup?: NormalizedProbe;
}

export interface NormalizedRoute {
  name?: string;
  /** JSON Pointer of the route, `/services/<name>/routes/<index>`. */
  path: string;
  /** The request takes the route when any of these holds; empty: every request does. */
  matches: RouteMatch[];
  /** Versions and weights, sorted by version; empty: the service's default destinations. */
  to: Array<{ version: string; weight: number }>;
  /** The route's own timeout, else the service's. Milliseconds. */
  timeoutMs?: number;
  /** The route's own retries, else the service's. */
  retries?: NormalizedRetries;
  fault?: { delay?: { fixedMs: number; percent: number }; abort?: { status: number; percent: number } };
  mirror?: { version: string; percent?: number };
  /** Where the effective timeout and retries are set (the route, or the service's origin). */
  origin: { timeout: string; retries: string };
}

/** The outlier detection (ejection) part of a circuit breaker. */
export type NormalizedOutlierDetection = Pick<
  NormalizedCircuitBreaker,
  'consecutiveErrors' | 'intervalMs' | 'baseEjectionTimeMs' | 'maxEjectionPercent'
>;

export interface NormalizedCall {
  /** The callee: a service, or an external when `external` is true. */
  service: string;
  external: boolean;
  critical: boolean;
  /** JSON Pointer of this entry in the spec. */
  path: string;
}

export interface NormalizedSubscriptionRetry {
  attempts: number;
  backoff: 'fixed' | 'exponential';
  delayMs: number;
  maxDelayMs?: number;
  jitter: boolean;
}

/** Lag-based scaling of one subscription (KEDA). */
export interface NormalizedLagAutoscale {
  /** Target lag per replica (KEDA lagThreshold). */
  lag: number;
  min: number;
  /** As given (or the partitions); the ScaledObject caps it at the partitions on Kafka. */
  max: number;
}

export interface NormalizedSubscription {
  event: string;
  /** Consumer group; defaults to the service name. */
  group: string;
  autoscale?: NormalizedLagAutoscale;
  /** Events per second one replica handles (`throughput.perReplica`). */
  perReplica?: number;
  retry?: NormalizedSubscriptionRetry;
  deadLetter: boolean;
  ordered: boolean;
  /** JetStream's ack wait: the first retry delay (the server replaces ack_wait by backoff[0]), else the server's default. */
  ackWaitMs: number;
  /** Unacknowledged messages in flight (JetStream): 1 when `ordered`, else the server's default. */
  maxAckPending: number;
  path: string;
}

export interface NormalizedEnvVar {
  name: string;
  /** As written: a literal or a reference, resolved by src/resolve/env.ts. */
  value: EnvValue;
  /** JSON Pointer of the value in the spec (the service, its profile or `defaults`). */
  path: string;
}

/** The security context after defaults: restricted-compliant unless the spec relaxes it. */
export interface NormalizedSecurity {
  runAsUser?: number;
  runAsGroup?: number;
  fsGroup?: number;
  runAsNonRoot: boolean;
  readOnlyRootFilesystem?: boolean;
  capabilitiesAdd: string[];
}

/** The main container's own settings. */
export interface NormalizedContainer {
  command?: string[];
  args?: string[];
  /** Sorted by name; the render stage orders them for `$(VAR)` expansion. */
  env: NormalizedEnvVar[];
  envFrom: EnvFrom;
  imagePullPolicy?: ImagePullPolicy;
}

/** Pod-level settings. */
export interface NormalizedPod {
  /** Added to the pod template's labels (never `app`/`version`, which select the pods). */
  labels: Labels;
  annotations: Annotations;
  security: NormalizedSecurity;
  /** Where `security.runAsNonRoot` and each added capability are written (the service, its profile or `defaults`). */
  origin: { runAsNonRoot: string; capabilitiesAdd: Array<{ capability: string; path: string }> };
  serviceAccount: { name: string; annotations: Annotations };
  imagePullSecrets: string[];
  terminationGracePeriodSeconds?: number;
  nodeSelector: Labels;
  tolerations: Toleration[];
  priorityClass?: string;
}

/** A pod volume; `source` is exactly one of emptyDir (the default), a ConfigMap or a Secret. */
export interface NormalizedVolume {
  name: string;
  /** Where the main container mounts it. */
  mountPath: string;
  source: { emptyDir: { sizeLimit?: string | number; medium?: 'Memory' } } | { config: string } | { secret: string };
  readOnly: boolean;
  path: string;
}

/** One of a service's `files` (see `src/normalize/files.ts`). */
export interface NormalizedFile {
  /** Where the main container sees it. */
  mountPath: string;
  /** Its key in the files' ConfigMap. */
  key: string;
  content: string;
  path: string;
}

/** A persistent volume per pod: a volumeClaimTemplate of a StatefulSet. */
export interface NormalizedStorage {
  name: string;
  size: string;
  mountPath: string;
  class?: string;
  path: string;
}

/** An init container or a sidecar (see `src/normalize/containers.ts`). */
export interface NormalizedExtraContainer {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  /** Its own variables only (the service's env is the main container's). */
  env: NormalizedEnvVar[];
  envFrom: EnvFrom;
  resources?: Resources;
  /** The service's security with this container's own fields over it. */
  security: NormalizedSecurity;
  /** Sorted by volume name. */
  mounts: Array<{ volume: string; mountPath: string }>;
  /** Init containers: needs the network before the service starts (under Istio: a native sidecar proxy). */
  network: boolean;
  /** Sidecars: their own ports (names unique in the pod) and probes. */
  ports: NormalizedPort[];
  probes: NormalizedProbes;
  /** JSON Pointer of the entry, `/services/<name>/init/<i>` or `/services/<name>/sidecars/<i>`. */
  path: string;
}

export interface NormalizedService {
  name: string;
  /** JSON Pointer of the service, `/services/<name>`. */
  path: string;
  image: string;
  tier: Tier;
  profile?: string;
  /**
   * In the spec's order; the first exposed one is the main port. Empty for a worker (`ports: {}`), which gets
   * no Service and no mesh route. See `src/normalize/ports.ts` for what is derived from them.
   */
  ports: NormalizedPort[];
  /** Effective replicas: the explicit value, `autoscale.min` when autoscaling, or the tier's minimum. */
  replicas: number;
  autoscale?: Required<Autoscale>;
  /**
   * The replica range of the KEDA ScaledObject when a subscription has `autoscale`: the largest `min`, and the
   * largest `max` once each is capped at its event's partitions (Kafka); with CPU `autoscale` too, its range is
   * merged in (the ScaledObject then also has a CPU trigger, and no HPA is emitted). `path` is the first
   * autoscaled subscription's `autoscale`.
   */
  lagAutoscale?: { min: number; max: number; path: string };
  resources?: Resources;
  probes: NormalizedProbes;
  spread: Spread;
  disruption?: Disruption;
  loadBalancer?: LoadBalancer;
  /** Milliseconds. */
  timeoutMs?: number;
  retries?: NormalizedRetries;
  /**
   * The retries Istio applies to requests to the service: its `retries`, else Istio's implicit ones; none for a
   * service without an HTTP or gRPC port (Istio retries only those routes).
   */
  istioRetries: NormalizedRetries;
  circuitBreaker?: NormalizedCircuitBreaker;
  /** The circuit breaker's ejection settings; with `failover` and no circuit breaker, Istio's defaults (failover needs them). */
  outlierDetection?: NormalizedOutlierDetection;
  failover: Array<{ from: string; to: string }>;
  /** Sorted by name; empty when the service has a single version. */
  versions: NormalizedVersion[];
  /** HTTP routes evaluated, in order, before the default route. */
  routes: NormalizedRoute[];
  capacity?: { peakRps: number; rpsPerReplica: number };
  slo?: { availability: number };
  /** `gatewayServiceAccount` is `namespace/name`. */
  ingress?: {
    hosts: string[];
    /** The Gateway the ingress VirtualService binds to: `name` or `namespace/name`. */
    gateway: string;
    /** True when hamesh emits that Gateway (`ingress.gateway` not set). */
    emitGateway: boolean;
    gatewayServiceAccount: string;
    /** Request paths forwarded (any may match); empty: every path. */
    paths: StringMatch[];
    tls?: { credentialName: string };
    /** The Ingress class of `--target ingress` (`ingress.className`, default istio). */
    className: string;
  };
  calls: NormalizedCall[];
  publishes: string[];
  /** Sorted by event name. */
  subscribes: NormalizedSubscription[];
  container: NormalizedContainer;
  workload: 'deployment' | 'statefulset';
  /** Sorted by name; only on a StatefulSet. */
  storage: NormalizedStorage[];
  /** Sorted by name. */
  volumes: NormalizedVolume[];
  /** Sorted by mount path; one ConfigMap holds them all. */
  files: NormalizedFile[];
  /** In the spec's order (the order they run in). */
  init: NormalizedExtraContainer[];
  sidecars: NormalizedExtraContainer[];
  pod: NormalizedPod;
  /** Sources admitted besides the callers (`allowFrom`). */
  allowFrom: AllowSource[];
  /** Whether it admits every client, outside the mesh too: `{anyone: true}` in its `allowFrom` or in `mesh.allow`. */
  admitsAnyone: boolean;
  /** The Kubernetes Service's type and annotations. */
  kubernetesService: {
    type: 'ClusterIP' | 'LoadBalancer' | 'NodePort';
    annotations: Annotations;
    /** `service.external`: a second Service for clients outside the cluster, carrying the named exposed ports. */
    external?: { name: string; type: 'LoadBalancer' | 'NodePort'; annotations: Annotations; ports: string[] };
  };
  /**
   * Where each HA field's value came from: the service itself, its profile or `defaults` (a JSON Pointer),
   * so a finding points at the value to change. Built-in defaults point at the service.
   */
  origin: Record<HaField, string>;
}

export interface NormalizedEvent {
  name: string;
  path: string;
  partitions: number;
  replication: number;
  minInSync: number;
  /** Milliseconds. */
  retentionMs: number;
  /** JetStream's duplicate window: the server's default, capped at the retention (as the server requires). */
  duplicateWindowMs: number;
  /** The most demanding tier of its publishers and subscribers (the default tier when it has none). */
  tier: Tier;
  key?: string;
  compacted: boolean;
  schema?: Record<string, unknown>;
  /** Peak events per second (`rate.peak`). */
  peakRate?: number;
}

export interface NormalizedPolicy {
  tiers: Record<Tier, Required<import('../spec/schema.generated.js').TierPolicy>>;
  rules: NonNullable<Policy['rules']>;
  suppress: NonNullable<Policy['suppress']>;
  model: { replicaAvailability: number };
}

export interface NormalizedExternalPort {
  name: string;
  port: number;
  protocol: 'http' | 'https' | 'tls' | 'tcp' | 'grpc';
  originateTls: boolean;
  /** The port on the external host: `targetPort`, 443 when originating TLS, else `port`. */
  targetPort: number;
}

/** A dependency outside the mesh (`externals.<name>`). */
export interface NormalizedExternal {
  name: string;
  /** JSON Pointer, `/externals/<name>`. */
  path: string;
  hosts: string[];
  addresses: string[];
  /** In the spec's order. */
  ports: NormalizedExternalPort[];
  resolution: 'dns' | 'static' | 'none';
  endpoints: string[];
  /** Milliseconds. */
  timeoutMs?: number;
  retries?: NormalizedRetries;
  /** The retries Istio applies: `retries`, Istio's implicit ones on an http/grpc port, none on https, tls and tcp. */
  istioRetries: NormalizedRetries;
  circuitBreaker?: NormalizedCircuitBreaker;
  /** The provider's availability in percent: `slo.availability` or the documented default. */
  availability: number;
}

/** A JSON merge patch of rendered objects: a service's objects of one kind, or one object by kind and name. */
export interface NormalizedPatch {
  /** JSON Pointer of the patch in the spec. */
  path: string;
  kind: string;
  /** Patches every object of `kind` this service renders. */
  service?: string;
  /** Patches the object of `kind` with this name. */
  name?: string;
  patch: Record<string, unknown>;
}

/** The spec after every default is applied: later stages never guess a default. */
export interface NormalizedSystem {
  name: string;
  namespace: string;
  zones: string[];
  broker: {
    kind: 'kafka' | 'nats';
    cluster: string;
    /** The broker cluster's namespace: where KafkaTopics go (Strimzi's Topic Operator watches only its own). */
    namespace: string;
    brokers?: number;
    /** apiVersion of the emitted Strimzi KafkaTopics and KafkaUsers. */
    topicApiVersion: 'kafka.strimzi.io/v1' | 'kafka.strimzi.io/v1beta2';
    /** How clients authenticate; anything but `none` gives every publisher and subscriber its own least-privilege user. */
    auth: 'none' | 'scram-sha-512' | 'tls';
    /** The service of the spec that runs the broker in the mesh, if any. */
    service?: string;
    /** `none`: a Kafka cluster hamesh does not operate, so no Strimzi objects are emitted. */
    operator: 'strimzi' | 'none';
    /** The client address of a broker outside the spec (`broker.bootstrap`). */
    bootstrap?: string;
  };
  /** Whether the namespace target emits the Namespace object. */
  createNamespace: boolean;
  mesh: {
    /** Labels of the ingress gateway pods the emitted Gateway selects. */
    gatewaySelector: Record<string, string>;
    /** The ports those pods listen on for plain HTTP and for HTTPS. */
    gatewayPorts: { http: number; https: number };
    mtls: 'strict' | 'permissive';
    authorization: 'calls' | 'off';
    /** Sources every service admits. */
    allow: AllowSource[];
    sidecarScope: boolean;
    outboundTraffic?: 'registry-only' | 'allow-any';
  };
  /** Sorted by name. */
  services: NormalizedService[];
  /** Sorted by name. */
  events: NormalizedEvent[];
  /** Sorted by name. */
  externals: NormalizedExternal[];
  policy: NormalizedPolicy;
  /** Patches in application order: each service's (sorted by service, then kind), then the top-level ones by key. */
  patches: NormalizedPatch[];
  /** The top-level `objects`, as written. */
  objects: Array<Record<string, unknown> & { kind: string; metadata: Record<string, unknown> }>;
}
