/* Generated from schemas/system.schema.json by `npm run gen:types`. Do not edit. */

/**
 * A DNS-1123 label: lowercase letters, digits and "-", starting and ending with a letter or digit, at most 63 characters.
 *
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "dnsLabel".
 */
export type DnsLabel = string;
/**
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "tier".
 */
export type Tier = 'critical' | 'standard' | 'best-effort';
/**
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "quantity".
 */
export type Quantity = number | string;
/**
 * A probe: the short form (an HTTP path or 'grpc', on the main port) or an object with exactly one of http, grpc, tcp or exec, the port (name or number) and timings.
 *
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "probe".
 */
export type Probe = ProbePath | HttpProbe | GrpcProbe | TcpProbe | ExecProbe;
/**
 * The short form: an HTTP path starting with '/' (an HTTP GET on the main port), or 'grpc' for Kubernetes' native gRPC health probe.
 *
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "probePath".
 */
export type ProbePath = string;
/**
 * The port to probe: the name of one of the container's `ports` (for the one-port shorthand, its protocol: http, grpc or tcp) or a port number (default: the container's main port).
 *
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "probePort".
 */
export type ProbePort = PortName | number;
/**
 * A port name: an IANA service name of at most 15 lowercase letters, digits and "-" with at least one letter and no leading, trailing or double "-". hamesh writes it with the protocol in front ("metrics" on an http port becomes "http-metrics", as Istio reads the protocol from the name), and that name must fit in 15 characters too.
 *
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "portName".
 */
export type PortName = string;
/**
 * A duration in whole seconds, such as 5s or 1m (Kubernetes counts probe timings in seconds): initialDelay (default 0s) is the wait after the container starts, period (default 10s, at least 1s) how often the probe runs, timeout (default 1s, at least 1s) how long one probe may take.
 *
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "probeTiming".
 */
export type ProbeTiming = string;
/**
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "spread".
 */
export type Spread = 'zone' | 'node' | 'none';
/**
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "disruption".
 */
export type Disruption =
  | {
      maxUnavailable: IntOrPercent;
    }
  | {
      minAvailable: IntOrPercent;
    };
/**
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "intOrPercent".
 */
export type IntOrPercent = number | string;
/**
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "loadBalancer".
 */
export type LoadBalancer =
  | ('round-robin' | 'least-request' | 'random')
  | {
      consistentHash: {
        /**
         * An HTTP header name such as "x-session-id".
         */
        header?: string;
        /**
         * Hash on an HTTP cookie, by name or as {name, ttl?, path?}. Envoy generates the cookie when a request lacks it only if a ttl is set, so hamesh always emits one: 0s (a session cookie) unless given.
         */
        cookie?:
          | string
          | {
              /**
               * A cookie name such as "session".
               */
              name: string;
              ttl?: Duration;
              /**
               * Path of the generated cookie, such as "/".
               */
              path?: string;
            };
        sourceIp?: true;
      };
    };
/**
 * Lifetime of the generated cookie; 0s (the default) makes it a session cookie.
 */
export type Duration = string;
/**
 * A duration such as 250ms, 2s, 1m30s, 7d.
 *
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "duration".
 */
export type Duration1 = string;
/**
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "failover".
 */
export type Failover = {
  /**
   * Region the traffic originates in.
   */
  from: string;
  /**
   * Region to fail over to.
   */
  to: string;
}[];
/**
 * A literal (strings, numbers and booleans are written as strings) or a reference that hamesh resolves.
 *
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "envValue".
 */
export type EnvValue =
  | (string | number | boolean)
  | EnvSecretRef
  | EnvConfigRef
  | EnvFieldRef
  | EnvResourceRef
  | EnvAddressRef
  | EnvHostRef
  | EnvPortRef
  | EnvHeadlessRef
  | EnvBrokerRef
  | EnvTopicRef
  | EnvGroupRef;
/**
 * A Secret or ConfigMap key: letters, digits, "-", "_" and ".".
 *
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "configKey".
 */
export type ConfigKey = string;
/**
 * The name of a port of the referenced service, as its `ports` names it (the one-port shorthand names its port after its protocol: http, grpc or tcp).
 *
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "referencePortName".
 */
export type ReferencePortName = string;
/**
 * Kubernetes' image pull policy (default: Kubernetes' own, Always for :latest and IfNotPresent otherwise).
 *
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "imagePullPolicy".
 */
export type ImagePullPolicy = 'Always' | 'IfNotPresent' | 'Never';
/**
 * A DNS-1123 subdomain: lowercase letters, digits, "-" and ".", at most 253 characters, such as "db-credentials".
 *
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "dnsSubdomain".
 */
export type DnsSubdomain = string;
/**
 * Names of Secrets holding registry credentials.
 *
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "imagePullSecrets".
 */
export type ImagePullSecrets = DnsSubdomain[];
/**
 * How long Kubernetes waits after SIGTERM before killing the container (rounded up to whole seconds; Kubernetes default 30s).
 */
export type Duration2 = string;
/**
 * A Kubernetes label or annotation key: an optional DNS subdomain prefix and "/", then at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit, such as "team" or "example.com/owner".
 *
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "qualifiedName".
 */
export type QualifiedName = string;
/**
 * Taints the pods tolerate (Kubernetes tolerations).
 *
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "tolerations".
 */
export type Tolerations = Toleration[];
/**
 * How the mesh treats a port (default http): http (HTTP/1.1 and HTTP/2), grpc, tcp (opaque bytes: no HTTP retries, timeouts or header routing) or udp (not proxied by Istio: no mesh route). `hamesh lint` warns when a well-known non-HTTP port (Redis 6379, Postgres 5432, …) has none.
 *
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "protocol".
 */
export type Protocol = 'http' | 'grpc' | 'tcp' | 'udp';
/**
 * How a request value matches: exactly one of `exact`, `prefix` or `regex` (RE2 syntax, as Envoy uses).
 *
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "stringMatch".
 */
export type StringMatch =
  | {
      /**
       * The whole value, e.g. "/productpage" or "jason".
       */
      exact: string;
    }
  | {
      /**
       * The start of the value, e.g. "/static".
       */
      prefix: string;
    }
  | {
      /**
       * An RE2 regular expression the whole value must match.
       */
      regex: string;
    };
/**
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "call".
 */
export type Call =
  | DnsLabel
  | {
      /**
       * A DNS-1123 label: lowercase letters, digits and "-", starting and ending with a letter or digit, at most 63 characters.
       */
      service: string;
      /**
       * Whether the caller fails without this callee; defaults to true.
       */
      critical?: boolean;
    };
/**
 * An event name: lowercase letters, digits, "." and "-", starting and ending with a letter or digit.
 *
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "eventName".
 */
export type EventName = string;
/**
 * Every key of a Secret or ConfigMap as environment variables.
 *
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "envFrom".
 */
export type EnvFrom = (EnvFromSecret | EnvFromConfig)[];
/**
 * An absolute path in the container, such as "/data" or "/etc/app/config.yaml".
 *
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "mountPath".
 */
export type MountPath = string;
export type File =
  | string
  | {
      /**
       * A file read at build time, relative to the spec file's folder and inside it ("./nginx.conf", "config/app.yaml").
       */
      from: string;
    };
/**
 * A source admitted by an AuthorizationPolicy: every workload of a namespace, one mTLS identity, or anyone (also non-mesh clients, e.g. through a LoadBalancer Service).
 *
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "allowSource".
 */
export type AllowSource =
  | {
      /**
       * A DNS-1123 label: lowercase letters, digits and "-", starting and ending with a letter or digit, at most 63 characters.
       */
      namespace: string;
    }
  | {
      /**
       * An mTLS identity (SPIFFE name without `spiffe://`), e.g. "cluster.local/ns/monitoring/sa/prometheus".
       */
      principal: string;
    }
  | {
      /**
       * Admits every client, in the mesh or not: the service gets a PERMISSIVE PeerAuthentication (plaintext accepted) and an ALLOW rule without sources. What a LoadBalancer or NodePort Service needs for clients outside the mesh.
       */
      anyone: true;
    };
/**
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "severitySetting".
 */
export type SeveritySetting = 'off' | 'warning' | 'error';
/**
 * An environment variable name: letters, digits, "_", "-" and ".", not starting with a digit, such as "CART_ADDR".
 *
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "envName".
 */
export type EnvName = string;
/**
 * A DNS-1123 subdomain: lowercase letters, digits, "-" and ".", at most 253 characters, such as "db-credentials".
 *
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "priorityClass".
 */
export type PriorityClass = string;
/**
 * A duration such as 250ms, 2s, 1m30s, 7d.
 *
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "terminationGracePeriod".
 */
export type Duration3 = string;
/**
 * An absolute file path in the container, such as "/etc/nginx/conf.d/default.conf" (no "." or ".." segments, no trailing "/").
 *
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "filePath".
 */
export type FilePath = string;

/**
 * A hamesh system: services, the events between them and their high-availability policies.
 */
export interface System {
  apiVersion: 'hamesh.dev/v1';
  kind: 'System';
  metadata: {
    name: DnsLabel;
    namespace?: DnsLabel;
    /**
     * Whether --target namespace emits the Namespace object (labelled for Istio sidecar injection). Default: true, except for the namespace `default`, which every cluster already has.
     */
    createNamespace?: boolean;
  };
  /**
   * Topology zones (topology.kubernetes.io/zone values) the system may use.
   */
  zones?: string[];
  broker?: {
    /**
     * Defaults to kafka.
     */
    kind?: 'kafka' | 'nats';
    cluster?: DnsLabel;
    namespace?: DnsLabel;
    /**
     * Number of broker nodes.
     */
    brokers?: number;
    /**
     * apiVersion of the emitted Strimzi KafkaTopics and KafkaUsers: v1 (Strimzi 0.49 and later, the only one 1.x serves; the default) or v1beta2 for older operators.
     */
    topicApiVersion?: 'kafka.strimzi.io/v1' | 'kafka.strimzi.io/v1beta2';
    /**
     * How clients authenticate to the broker; default none. With scram-sha-512 or tls, --target kafka emits one Strimzi KafkaUser per publishing or subscribing service, with least-privilege ACLs from the graph; with NATS, per-service publish/subscribe permissions (nats/permissions.json).
     */
    auth?: 'none' | 'scram-sha-512' | 'tls';
    /**
     * A DNS-1123 label: lowercase letters, digits and "-", starting and ending with a letter or digit, at most 63 characters.
     */
    service?: string;
    /**
     * Who manages the Kafka cluster: strimzi (the default; hamesh emits KafkaTopics and, with auth, KafkaUsers) or none (a broker hamesh does not operate: no Strimzi objects; events still drive lint, NATS config, the AsyncAPI catalog and env references).
     */
    operator?: 'strimzi' | 'none';
    /**
     * The client bootstrap address of a broker outside the spec, such as "kafka.example.com:9092" or "nats://nats.example.com:4222"; { broker: bootstrap } resolves to it.
     */
    bootstrap?: string;
  };
  defaults?: Profile;
  profiles?: {
    [k: string]: Profile;
  };
  services: {
    [k: string]: Service;
  };
  events?: {
    [k: string]: Event;
  };
  /**
   * Dependencies outside the mesh, by name (distinct from the service names): APIs and managed services the services call.
   */
  externals?: {
    [k: string]: External;
  };
  /**
   * Mesh-wide traffic and security settings.
   */
  mesh?: {
    /**
     * Labels of the ingress gateway pods the emitted Gateway binds to (default: {"istio": "ingressgateway"}, Istio's default install; Helm installs use {"istio": "ingress"}).
     */
    gatewaySelector?: {
      /**
       * A Kubernetes label value.
       */
      [k: string]: string;
    };
    /**
     * The namespace's mTLS mode (PeerAuthentication `default`): strict (the default) refuses plaintext, permissive also accepts it (while clients move into the mesh). A service with `allowFrom: [{anyone: true}]` gets its own PERMISSIVE PeerAuthentication either way.
     */
    mtls?: 'strict' | 'permissive';
    /**
     * calls (the default): one ALLOW AuthorizationPolicy per service admitting only its declared callers (plus the ingress gateway, broker clients, `mesh.allow` and its `allowFrom`); off: no AuthorizationPolicy at all.
     */
    authorization?: 'calls' | 'off';
    /**
     * Sources every service admits besides its callers, e.g. [{"namespace": "monitoring"}] for Prometheus. {"anyone": true} here admits every client, outside the mesh too, on every service (each gets what a service's own allowFrom anyone gives it).
     *
     * @minItems 1
     */
    allow?: [AllowSource, ...AllowSource[]];
    /**
     * Sidecar egress scoping (default true): one networking.istio.io/v1 Sidecar per service whose egress hosts are exactly its callees, the externals it calls, the broker (when it publishes or subscribes) and istio-system, so no proxy carries configuration for every service of the mesh.
     */
    sidecarScope?: boolean;
    /**
     * The sidecars' outboundTrafficPolicy: registry-only blocks hosts that are neither a Service nor a ServiceEntry (declare them as `externals`), allow-any passes them through. Unset: the mesh-wide setting (Istio's default is allow-any).
     */
    outboundTraffic?: 'registry-only' | 'allow-any';
  };
  policy?: Policy;
  /**
   * Per-environment overrides, selected with `--env NAME` (or HAMESH_ENV). Each environment is deep-merged over the rest of the spec before validation: objects merge key by key, arrays and scalars replace, and `null` removes a key. Without `--env`, validate and lint check every environment and `build --out DIR` writes DIR/NAME for each.
   */
  environments?: {
    [k: string]: Environment;
  };
  /**
   * JSON merge patches of any rendered object, keyed by "<Kind>/<name>" (e.g. "PeerAuthentication/default", "Service/frontend-external").
   */
  patches?: {
    [k: string]: MergePatch;
  };
  /**
   * Whole Kubernetes or Istio objects passed through (RBAC, a Secret, a ConfigMap with a fixed name): put in the system's namespace unless they name one (cluster-scoped kinds get none), and verified strictly like rendered ones.
   */
  objects?: ExtraObject[];
}
/**
 * Fields written once and applied to services: the HA fields, tier, resources, security, env (merged per variable), labels and annotations (merged per key) and the pod settings.
 *
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "profile".
 */
export interface Profile {
  tier?: Tier;
  replicas?: number;
  autoscale?: Autoscale;
  resources?: Resources;
  probes?: Probes;
  spread?: Spread;
  disruption?: Disruption;
  loadBalancer?: LoadBalancer;
  timeout?: Duration1;
  retries?: Retries;
  circuitBreaker?: CircuitBreaker;
  failover?: Failover;
  security?: Security;
  env?: Env;
  labels?: Labels;
  annotations?: Annotations;
  imagePullPolicy?: ImagePullPolicy;
  imagePullSecrets?: ImagePullSecrets;
  terminationGracePeriod?: Duration2;
  nodeSelector?: Labels1;
  tolerations?: Tolerations;
  /**
   * A PriorityClass name (the pod's priorityClassName).
   */
  priorityClass?: string;
}
/**
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "autoscale".
 */
export interface Autoscale {
  min: number;
  max: number;
  /**
   * Target average CPU utilisation; defaults to 70.
   */
  cpuPercent?: number;
}
/**
 * Requests (cpu, memory) and optional limits.
 *
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "resources".
 */
export interface Resources {
  cpu?: Quantity;
  memory?: Quantity;
  /**
   * Explicit limits. Without them the memory limit equals the memory request and there is no CPU limit. A limit without a request makes Kubernetes set the request to the limit.
   */
  limits?: {
    cpu?: Quantity;
    memory?: Quantity;
  };
}
/**
 * Readiness, liveness and startup probes of the container. A probe must fit its port's protocol: an HTTP path on a grpc or tcp port, or grpc on a tcp port, is an error.
 *
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "probes".
 */
export interface Probes {
  readiness?: Probe;
  liveness?: Probe;
  startup?: Probe;
}
/**
 * An HTTP GET probe. Only on an http port (on a grpc or tcp port it is an error).
 *
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "httpProbe".
 */
export interface HttpProbe {
  /**
   * The path of an HTTP GET, starting with '/' (any status from 200 to 399 is a success).
   */
  http: string;
  /**
   * Request headers by name, e.g. {"Cookie": "session-id=x-readiness-probe"}.
   */
  headers?: {
    [k: string]: string;
  };
  port?: ProbePort;
  initialDelay?: ProbeTiming;
  period?: ProbeTiming;
  timeout?: ProbeTiming;
  /**
   * Consecutive failures before the probe counts as failed (Kubernetes default 3).
   */
  failureThreshold?: number;
}
/**
 * A gRPC health probe. On a grpc or http port (on a tcp port it is an error).
 *
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "grpcProbe".
 */
export interface GrpcProbe {
  /**
   * Kubernetes' native gRPC health probe (grpc.health.v1.Health/Check).
   */
  grpc: true;
  /**
   * The service name sent in the health check request (default: the server's overall health).
   */
  service?: string;
  port?: ProbePort;
  initialDelay?: ProbeTiming;
  period?: ProbeTiming;
  timeout?: ProbeTiming;
  /**
   * Consecutive failures before the probe counts as failed (Kubernetes default 3).
   */
  failureThreshold?: number;
}
/**
 * A TCP connection probe, for servers that speak no HTTP or gRPC (Redis, Postgres). Not on a udp port.
 *
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "tcpProbe".
 */
export interface TcpProbe {
  /**
   * Succeeds when the port accepts a TCP connection.
   */
  tcp: true;
  port?: ProbePort;
  initialDelay?: ProbeTiming;
  period?: ProbeTiming;
  timeout?: ProbeTiming;
  /**
   * Consecutive failures before the probe counts as failed (Kubernetes default 3).
   */
  failureThreshold?: number;
}
/**
 * A command run in the container. Needs no port (an exec probe's `port` is an error).
 *
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "execProbe".
 */
export interface ExecProbe {
  /**
   * The command and its arguments (no shell unless you run one); exit status 0 is a success.
   *
   * @minItems 1
   */
  exec: [string, ...string[]];
  initialDelay?: ProbeTiming;
  period?: ProbeTiming;
  timeout?: ProbeTiming;
  /**
   * Consecutive failures before the probe counts as failed (Kubernetes default 3).
   */
  failureThreshold?: number;
}
/**
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "retries".
 */
export interface Retries {
  /**
   * Retries after the first try, as in Istio; 0 disables Istio's implicit 2 retries.
   */
  attempts: number;
  perTryTimeout?: Duration1;
  /**
   * @minItems 1
   *
   * Items: An Envoy retryOn value (5xx, gateway-error, reset, connect-failure, refused-stream, retriable-4xx, cancelled, deadline-exceeded, internal, resource-exhausted, unavailable, …) or an HTTP status code.
   */
  on?: [string, ...string[]];
}
/**
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "circuitBreaker".
 */
export interface CircuitBreaker {
  consecutiveErrors: number;
  interval: Duration1;
  baseEjectionTime: Duration1;
  maxEjectionPercent: number;
  maxConnections?: number;
  maxPendingRequests?: number;
}
/**
 * Security context: runAsUser, runAsGroup, fsGroup and runAsNonRoot go to the pod; readOnlyRootFilesystem and capabilities to every container.
 *
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "security".
 */
export interface Security {
  /**
   * The pod's user id. Set it for an image whose USER is root or a name: with runAsNonRoot (the default) such an image fails to start (CreateContainerConfigError).
   */
  runAsUser?: number;
  /**
   * The pod's primary group id.
   */
  runAsGroup?: number;
  /**
   * The group that owns mounted volumes.
   */
  fsGroup?: number;
  /**
   * Refuse to start a container as root (default true, as Pod Security "restricted" requires).
   */
  runAsNonRoot?: boolean;
  /**
   * Mount every container's root filesystem read-only.
   */
  readOnlyRootFilesystem?: boolean;
  /**
   * Linux capabilities of every container, which drops ALL of them first.
   */
  capabilities?: {
    /**
     * Capabilities added back after dropping ALL (Pod Security "restricted" allows only NET_BIND_SERVICE).
     *
     * Items: A Linux capability such as NET_BIND_SERVICE.
     */
    add?: string[];
  };
}
/**
 * Environment variables by name. Emitted sorted by name, except that a variable whose value uses $(OTHER) comes after OTHER.
 *
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "env".
 */
export interface Env {
  [k: string]: EnvValue;
}
/**
 * A key of a Secret (secretKeyRef).
 */
export interface EnvSecretRef {
  /**
   * The Secret's name.
   */
  secret: string;
  key: ConfigKey;
  /**
   * Start the container even when the Secret or key is missing (the variable is then unset).
   */
  optional?: boolean;
}
/**
 * A key of a ConfigMap (configMapKeyRef).
 */
export interface EnvConfigRef {
  /**
   * The ConfigMap's name.
   */
  config: string;
  key: ConfigKey;
  /**
   * Start the container even when the ConfigMap or key is missing (the variable is then unset).
   */
  optional?: boolean;
}
/**
 * A field of the pod (downward API fieldRef).
 */
export interface EnvFieldRef {
  /**
   * A downward-API field path Kubernetes allows in env: metadata.name, metadata.namespace, metadata.uid, metadata.labels['KEY'], metadata.annotations['KEY'], spec.nodeName, spec.serviceAccountName, status.hostIP, status.hostIPs, status.podIP or status.podIPs.
   */
  field: string;
}
/**
 * A request or limit of this container.
 */
export interface EnvResourceRef {
  /**
   * The container's own request or limit (downward API resourceFieldRef).
   */
  resource:
    | 'limits.cpu'
    | 'limits.memory'
    | 'requests.cpu'
    | 'requests.memory'
    | 'limits.ephemeral-storage'
    | 'requests.ephemeral-storage';
  /**
   * The unit the value is expressed in, such as "1Mi" or "1m" (default 1).
   */
  divisor?: number | string;
}
/**
 * A service's in-cluster address: SERVICE.NAMESPACE.svc.cluster.local:PORT, or SCHEME://…:PORT/PATH.
 */
export interface EnvAddressRef {
  /**
   * A DNS-1123 label: lowercase letters, digits and "-", starting and ending with a letter or digit, at most 63 characters.
   */
  address: string;
  port?: ReferencePortName;
  /**
   * Prefix the address with SCHEME:// (and allow a `path`).
   */
  scheme?: 'http' | 'https' | 'grpc';
  /**
   * A path appended to the address, such as "/api"; needs `scheme`.
   */
  path?: string;
}
/**
 * A service's in-cluster host name: SERVICE.NAMESPACE.svc.cluster.local.
 */
export interface EnvHostRef {
  /**
   * A DNS-1123 label: lowercase letters, digits and "-", starting and ending with a letter or digit, at most 63 characters.
   */
  host: string;
}
/**
 * A service's port number (its Service port).
 */
export interface EnvPortRef {
  /**
   * A DNS-1123 label: lowercase letters, digits and "-", starting and ending with a letter or digit, at most 63 characters.
   */
  port: string;
  name?: ReferencePortName;
}
/**
 * The host of a StatefulSet's headless Service, SERVICE-headless.NAMESPACE.svc.cluster.local (a pod is $(POD_NAME). followed by it).
 */
export interface EnvHeadlessRef {
  /**
   * A DNS-1123 label: lowercase letters, digits and "-", starting and ending with a letter or digit, at most 63 characters.
   */
  headless: string;
}
/**
 * The broker's client address (Kafka bootstrap servers or the NATS URL) or, with broker.auth on Kafka, the service's own credentials from the Secret Strimzi creates for its KafkaUser.
 */
export interface EnvBrokerRef {
  /**
   * bootstrap: the client address (on the listener matching broker.auth). With broker.auth on Kafka: username (the KafkaUser name, or CN=<name> for tls); scram-sha-512: password, jaas-config (sasl.jaas.config); tls: certificate (user.crt), key (user.key), keystore (user.p12), keystore-password (user.password); ca: the cluster CA certificate that verifies the brokers' TLS listener.
   */
  broker:
    | 'bootstrap'
    | 'username'
    | 'password'
    | 'jaas-config'
    | 'certificate'
    | 'key'
    | 'keystore'
    | 'keystore-password'
    | 'ca';
}
/**
 * The event's Kafka topic or NATS subject.
 */
export interface EnvTopicRef {
  /**
   * An event this service publishes or subscribes to.
   */
  topic: string;
}
/**
 * This service's consumer group for the event (the Kafka group id or the NATS durable consumer name).
 */
export interface EnvGroupRef {
  /**
   * An event this service subscribes to.
   */
  group: string;
}
/**
 * Labels added to the pods (app and version are hamesh's own and cannot be set).
 */
export interface Labels {
  /**
   * A label value: at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit (or empty).
   */
  [k: string]: string;
}
/**
 * Annotations added to the pods.
 */
export interface Annotations {
  [k: string]: string;
}
/**
 * Node labels a node must have to run the pods.
 */
export interface Labels1 {
  /**
   * A label value: at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit (or empty).
   */
  [k: string]: string;
}
/**
 * A Kubernetes toleration.
 */
export interface Toleration {
  key?: QualifiedName;
  /**
   * Equal (default): the taint's value must be `value`; Exists: any value (leave `value` out).
   */
  operator?: 'Equal' | 'Exists';
  /**
   * The taint value tolerated (with operator Equal).
   */
  value?: string;
  /**
   * The taint effect tolerated (default: every effect).
   */
  effect?: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
  /**
   * How long a NoExecute taint is tolerated before eviction.
   */
  tolerationSeconds?: number;
}
/**
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "service".
 */
export interface Service {
  /**
   * A container image reference without spaces or control characters, such as "ghcr.io/acme/orders:1.2.0".
   */
  image: string;
  /**
   * The workload kind (default deployment). A statefulset gets stable pod names through a headless Service `<name>-headless` (clusterIP: None, publishNotReadyAddresses: true) next to the ClusterIP Service `<name>`, and a PersistentVolumeClaim per pod from `storage`.
   */
  workload?: 'deployment' | 'statefulset';
  tier?: Tier;
  profile?: DnsLabel;
  /**
   * The one-port shorthand: the container and Service port (default 8080); use `ports` for several.
   */
  port?: number;
  protocol?: Protocol;
  ports?: Ports;
  replicas?: number;
  autoscale?: Autoscale;
  resources?: Resources;
  probes?: Probes;
  spread?: Spread;
  disruption?: Disruption;
  loadBalancer?: LoadBalancer;
  timeout?: Duration1;
  retries?: Retries;
  circuitBreaker?: CircuitBreaker;
  failover?: Failover;
  versions?: {
    [k: string]: {
      weight: number;
      /**
       * A container image reference without spaces or control characters, such as "ghcr.io/acme/orders:1.3.0-rc.1".
       */
      image?: string;
    };
  };
  /**
   * HTTP traffic rules (header, URI, method and query matches; version, weights, timeout, retries, fault injection, mirroring), evaluated in order before the default route.
   */
  routes?: Route[];
  capacity?: {
    peakRps: number;
    rpsPerReplica: number;
  };
  slo?: {
    /**
     * Target availability in percent, e.g. 99.95.
     */
    availability: number;
  };
  /**
   * Reached from outside through the mesh's ingress gateway.
   */
  ingress?: {
    /**
     * The external host names, or ["*"] for any host.
     *
     * @minItems 1
     *
     * Items: A DNS host name such as "shop.example.com" or "*.example.com", or "*" for any host.
     */
    hosts: [string, ...string[]];
    /**
     * An Istio Gateway you manage, as "name" or "namespace/name". Without it, hamesh emits the Gateway `<metadata.name>-gateway` in the system's namespace (selecting the ingress gateway pods by `mesh.gatewaySelector`).
     */
    gateway?: string;
    /**
     * The ingress gateway workload's service account as "namespace/name", whose mTLS identity the service admits (default: istio-system/istio-ingressgateway-service-account, Istio's default ingress gateway install).
     */
    gatewayServiceAccount?: string;
    /**
     * Request paths the gateway forwards to the service (any may match), e.g. [{"exact": "/productpage"}, {"prefix": "/static"}]; default: every path.
     *
     * @minItems 1
     */
    paths?: [StringMatch, ...StringMatch[]];
    /**
     * The `ingressClassName` of the Kubernetes Ingress objects `--target ingress` emits for the hosts (default: istio). Services sharing a host give the same class.
     */
    className?: string;
    /**
     * Serve the hosts over HTTPS on the emitted Gateway (plain HTTP redirects to HTTPS).
     */
    tls?: {
      /**
       * The name of the Kubernetes TLS Secret (in the ingress gateway's namespace) holding the certificate and key.
       */
      credentialName: string;
    };
  };
  calls?: Call[];
  publishes?: EventName[];
  subscribes?: {
    [k: string]: Subscription;
  };
  /**
   * The container's entrypoint (replaces the image's ENTRYPOINT).
   *
   * @minItems 1
   */
  command?: [string, ...string[]];
  /**
   * The entrypoint's arguments (replace the image's CMD).
   */
  args?: string[];
  security?: Security;
  env?: Env;
  labels?: Labels2;
  annotations?: Annotations1;
  imagePullPolicy?: ImagePullPolicy;
  imagePullSecrets?: ImagePullSecrets;
  terminationGracePeriod?: Duration2;
  nodeSelector?: Labels1;
  tolerations?: Tolerations;
  /**
   * A PriorityClass name (the pod's priorityClassName).
   */
  priorityClass?: string;
  envFrom?: EnvFrom;
  volumes?: Volumes;
  files?: Files;
  /**
   * Persistent volumes by name (a DNS-1123 label), one claim per pod: StatefulSet only (`workload: statefulset`).
   */
  storage?: {
    [k: string]: StorageVolume;
  };
  /**
   * Init containers, run in this order before the service starts.
   */
  init?: InitContainer[];
  /**
   * Containers that run next to the service's own.
   */
  sidecars?: Sidecar[];
  serviceAccount?: ServiceAccountSettings;
  service?: ServiceSettings;
  patches?: ServicePatches;
  /**
   * Callers admitted besides those declared by `calls` (and `mesh.allow`): a namespace, an mTLS principal, or {anyone: true} for clients outside the mesh.
   *
   * @minItems 1
   */
  allowFrom?: [AllowSource, ...AllowSource[]];
}
/**
 * Named ports, in the order given (the first exposed one is the main port: the default of probes and address references). `{}` makes a worker: no Service, no VirtualService or DestinationRule, and no port.
 *
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "ports".
 */
export interface Ports {
  [k: string]: Port;
}
/**
 * A container port; the Service exposes it on `servicePort` (default: `port`) unless `expose` is false.
 *
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "port".
 */
export interface Port {
  /**
   * The container port.
   */
  port: number;
  protocol?: Protocol;
  /**
   * The port the Service exposes (default: `port`), e.g. 80 in front of a container's 8080.
   */
  servicePort?: number;
  /**
   * Whether the Service exposes the port (default true); false keeps metrics or admin ports off it.
   */
  expose?: boolean;
}
/**
 * A traffic rule evaluated, in order, before the default route that `versions` produce; the first route whose `match` holds takes the request.
 *
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "route".
 */
export interface Route {
  /**
   * A name for the route (shown in Envoy stats and access logs), a DNS-1123 label.
   */
  name?: string;
  /**
   * Which requests take this route: one set of conditions, or a list of them (any may hold). Without `match` the route takes every request.
   */
  match?: RouteMatch | [RouteMatch, ...RouteMatch[]];
  /**
   * Where matching requests go: one of the service's `versions`, or versions with weights (which add up to 100). Default: the service's own version weights.
   */
  to?:
    | DnsLabel
    | {
        [k: string]: number;
      };
  /**
   * This route's timeout (default: the service's `timeout`).
   */
  timeout?: Duration1;
  /**
   * This route's retries (default: the service's `retries`).
   */
  retries?: Retries;
  /**
   * Fault injection for testing resilience. Istio disables the retries and timeout of a route with a fault.
   */
  fault?: {
    delay?: {
      /**
       * How long to delay a request before forwarding it.
       */
      fixed: Duration1;
      /**
       * Share of requests affected, in percent (default 100).
       */
      percent?: number;
    };
    abort?: {
      /**
       * The HTTP status returned instead of forwarding, e.g. 500.
       */
      status: number;
      /**
       * Share of requests affected, in percent (default 100).
       */
      percent?: number;
    };
  };
  /**
   * Also send a copy of each request (responses discarded) to a version of the service.
   */
  mirror?: {
    /**
     * A DNS-1123 label: lowercase letters, digits and "-", starting and ending with a letter or digit, at most 63 characters.
     */
    version: string;
    /**
     * Share of requests mirrored, in percent (default 100).
     */
    percent?: number;
  };
}
/**
 * Conditions a request must all meet (AND).
 *
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "routeMatch".
 */
export interface RouteMatch {
  /**
   * Request headers by lowercase name, e.g. {"end-user": {"exact": "jason"}}.
   */
  headers?: {
    [k: string]: StringMatch;
  };
  /**
   * The request path.
   */
  uri?: StringMatch;
  /**
   * The HTTP method.
   */
  method?: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE' | 'CONNECT' | 'OPTIONS' | 'TRACE' | 'PATCH';
  /**
   * Query parameters by name.
   */
  queryParams?: {
    [k: string]: StringMatch;
  };
}
/**
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "subscription".
 */
export interface Subscription {
  /**
   * A consumer group name of lowercase letters, digits, "." and "-" (default: the subscribing service's name).
   */
  group?: string;
  retry?: {
    /**
     * Redeliveries after the first delivery.
     */
    attempts: number;
    backoff: 'fixed' | 'exponential';
    delay: Duration1;
    maxDelay?: Duration1;
    /**
     * Randomise each delay (full jitter).
     */
    jitter?: boolean;
  };
  deadLetter?: boolean;
  ordered?: boolean;
  /**
   * Scale the subscribing service on this subscription's consumer lag with a KEDA ScaledObject (Kafka or NATS JetStream scaler) instead of an HPA.
   */
  autoscale?: {
    /**
     * Target unprocessed messages per replica (KEDA lagThreshold): the subscriber scales out when the consumer group lags by more.
     */
    lag: number;
    /**
     * Fewest replicas (KEDA minReplicaCount); defaults to the service's replicas.
     */
    min?: number;
    /**
     * Most replicas (KEDA maxReplicaCount), capped at the event's partitions on Kafka; defaults to the partitions on Kafka and is required on NATS.
     */
    max?: number;
  };
  /**
   * How fast this subscription's consumers work, for the consumer-capacity and retry-storm lint rules.
   */
  throughput?: {
    /**
     * Events per second one replica of the subscribing service handles (measured).
     */
    perReplica: number;
  };
}
/**
 * Labels added to the pods (app and version are hamesh's own and cannot be set).
 */
export interface Labels2 {
  /**
   * A label value: at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit (or empty).
   */
  [k: string]: string;
}
/**
 * Annotations added to the pods.
 */
export interface Annotations1 {
  [k: string]: string;
}
export interface EnvFromSecret {
  secret: DnsSubdomain;
  /**
   * An environment variable name: letters, digits, "_", "-" and ".", not starting with a digit, such as "CART_ADDR".
   */
  prefix?: string;
  /**
   * Start the container even when the Secret is missing.
   */
  optional?: boolean;
}
export interface EnvFromConfig {
  config: DnsSubdomain;
  /**
   * An environment variable name: letters, digits, "_", "-" and ".", not starting with a digit, such as "CART_ADDR".
   */
  prefix?: string;
  /**
   * Start the container even when the ConfigMap is missing.
   */
  optional?: boolean;
}
/**
 * Pod volumes by name (a DNS-1123 label), each mounted into the main container at its `path`; init containers and sidecars mount them with `mounts`.
 *
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "volumes".
 */
export interface Volumes {
  [k: string]: Volume;
}
/**
 * A pod volume, mounted into the main container at `path`: an emptyDir (the default), a ConfigMap (`config`) or a Secret (`secret`).
 *
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "volume".
 */
export interface Volume {
  path: MountPath;
  /**
   * Scratch space that lives as long as the pod (the default source).
   */
  emptyDir?: {
    sizeLimit?: Quantity;
    /**
     * Memory: a tmpfs, counted against the container's memory limit.
     */
    medium?: 'Memory';
  };
  config?: DnsSubdomain;
  secret?: DnsSubdomain;
  /**
   * Mount it read-only (ConfigMaps and Secrets are always read-only).
   */
  readOnly?: boolean;
}
/**
 * Config files by their path in the container: inline content, or `{from: "./relative/file"}` read at build time relative to the spec file (a regular UTF-8 file inside the spec's folder, at most 1 MiB in all per service). hamesh renders them into a ConfigMap `<service>-files-<hash>` whose name carries a hash of the content, so a change rolls the pods (as kustomize's configMapGenerator), and mounts each one by itself (`subPath`, read-only), so the rest of the image's folder stays visible. Init containers and sidecars mount a file with `mounts: {"/its/path": "/path/in/them"}`.
 *
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "files".
 */
export interface Files {
  [k: string]: File;
}
/**
 * A persistent volume per pod (a volumeClaimTemplate of the StatefulSet), mounted into the main container at `path`.
 *
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "storageVolume".
 */
export interface StorageVolume {
  /**
   * The claim's size, a Kubernetes quantity such as "1Gi".
   */
  size: string;
  path: MountPath;
  class?: DnsSubdomain;
}
/**
 * A container that runs to completion, in order, before the service's containers start.
 *
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "initContainer".
 */
export interface InitContainer {
  name: DnsLabel;
  /**
   * A container image reference without spaces or control characters, such as "busybox:1.36".
   */
  image: string;
  /**
   * The container's entrypoint (replaces the image's ENTRYPOINT).
   *
   * @minItems 1
   */
  command?: [string, ...string[]];
  /**
   * The entrypoint's arguments (replace the image's CMD).
   */
  args?: string[];
  env?: Env;
  envFrom?: EnvFrom;
  resources?: Resources;
  security?: ContainerSecurity;
  mounts?: Mounts;
  /**
   * The container needs the network. Under Istio an init container runs before the sidecar proxy is up, so its traffic goes nowhere; with `network: true` hamesh asks Istio for a native sidecar (annotation sidecar.istio.io/nativeSidecar: "true"; Kubernetes 1.29+), which starts the proxy before the init containers, so their calls go through the mesh with mTLS like the service's own.
   */
  network?: boolean;
}
/**
 * This container's own securityContext: overrides the service's `security` for it (the pod-level fields stay the pod's).
 *
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "containerSecurity".
 */
export interface ContainerSecurity {
  /**
   * This container's user id.
   */
  runAsUser?: number;
  /**
   * This container's primary group id.
   */
  runAsGroup?: number;
  /**
   * Refuse to start as root (default: the pod's).
   */
  runAsNonRoot?: boolean;
  /**
   * Mount this container's root filesystem read-only (default: the service's).
   */
  readOnlyRootFilesystem?: boolean;
  /**
   * Linux capabilities of this container, which drops ALL of them first.
   */
  capabilities?: {
    /**
     * Capabilities added back after dropping ALL (Pod Security "restricted" allows only NET_BIND_SERVICE).
     *
     * Items: A Linux capability such as NET_BIND_SERVICE.
     */
    add?: string[];
  };
}
/**
 * Volumes this container mounts: the name of a `volumes` or `storage` entry, or a `files` path (that one file), → the path in this container.
 *
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "mounts".
 */
export interface Mounts {
  [k: string]: MountPath;
}
/**
 * A container that runs next to the service's own for the pod's whole life.
 *
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "sidecar".
 */
export interface Sidecar {
  name: DnsLabel;
  /**
   * A container image reference without spaces or control characters, such as "busybox:1.36".
   */
  image: string;
  /**
   * The container's entrypoint (replaces the image's ENTRYPOINT).
   *
   * @minItems 1
   */
  command?: [string, ...string[]];
  /**
   * The entrypoint's arguments (replace the image's CMD).
   */
  args?: string[];
  env?: Env;
  envFrom?: EnvFrom;
  resources?: Resources;
  security?: ContainerSecurity;
  mounts?: Mounts;
  ports?: Ports;
  probes?: Probes;
}
/**
 * The workload's ServiceAccount.
 *
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "serviceAccount".
 */
export interface ServiceAccountSettings {
  /**
   * A DNS-1123 subdomain: lowercase letters, digits, "-" and ".", at most 253 characters, such as "db-credentials".
   */
  name?: string;
  annotations?: Annotations2;
}
/**
 * Annotations on the ServiceAccount, e.g. for cloud workload identity (eks.amazonaws.com/role-arn, iam.gke.io/gcp-service-account).
 */
export interface Annotations2 {
  [k: string]: string;
}
/**
 * The service's Kubernetes Service.
 *
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "serviceSettings".
 */
export interface ServiceSettings {
  /**
   * The Kubernetes Service's type (default ClusterIP).
   */
  type?: 'ClusterIP' | 'LoadBalancer' | 'NodePort';
  annotations?: Annotations3;
  external?: ExternalService;
}
/**
 * Annotations on the Service, e.g. for a cloud load balancer.
 */
export interface Annotations3 {
  [k: string]: string;
}
/**
 * A second Service for clients outside the cluster, next to the ClusterIP Service (as Online Boutique's LoadBalancer `frontend-external`): same pods, the ports listed in `ports` (default: every exposed port). It reaches the pods without the mesh's ingress gateway, so under STRICT mTLS and the service's AuthorizationPolicy its clients, which are outside the mesh, are refused unless the service admits non-mesh clients.
 */
export interface ExternalService {
  /**
   * A DNS-1123 label: lowercase letters, digits and "-", starting and ending with a letter or digit, at most 63 characters.
   */
  name?: string;
  /**
   * The Service's type (default LoadBalancer).
   */
  type?: 'LoadBalancer' | 'NodePort';
  annotations?: Annotations4;
  /**
   * The names of the exposed ports it carries (default: all of them), on their `servicePort`.
   *
   * @minItems 1
   */
  ports?: [PortName, ...PortName[]];
}
/**
 * Annotations on this Service, e.g. for the cloud load balancer.
 */
export interface Annotations4 {
  [k: string]: string;
}
/**
 * The escape hatch: JSON merge patches of this service's rendered objects, by kind (every object of that kind the service renders, e.g. each version's Deployment).
 *
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "servicePatches".
 */
export interface ServicePatches {
  Deployment?: MergePatch;
  StatefulSet?: MergePatch;
  Service?: MergePatch;
  ServiceAccount?: MergePatch;
  PodDisruptionBudget?: MergePatch;
  HorizontalPodAutoscaler?: MergePatch;
  ConfigMap?: MergePatch;
  VirtualService?: MergePatch;
  DestinationRule?: MergePatch;
  AuthorizationPolicy?: MergePatch;
  ScaledObject?: MergePatch;
  KafkaUser?: MergePatch;
}
/**
 * A JSON merge patch (RFC 7386): objects merge key by key, null removes a key, any other value (arrays included) replaces. Applied before verification, so the result must still pass the strict upstream schemas.
 *
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "mergePatch".
 */
export interface MergePatch {
  [k: string]: unknown;
}
/**
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "event".
 */
export interface Event {
  partitions?: number;
  replication?: number;
  minInSync?: number;
  retention?: Duration1;
  /**
   * Payload field used as the partition key.
   */
  key?: string;
  compacted?: boolean;
  /**
   * A JSON Schema of the payload.
   */
  schema?: {};
  /**
   * How fast the event is published, for the consumer-capacity and retry-storm lint rules.
   */
  rate?: {
    /**
     * Events per second at peak, across all publishers.
     */
    peak: number;
  };
}
/**
 * A dependency outside the mesh (an API, a managed database): a ServiceEntry, plus a DestinationRule for its circuit breaker or TLS origination and a VirtualService for its timeout and retries (HTTP and gRPC ports only). Services name it in `calls`; lint counts it in availability, retries, timeouts and single points of failure.
 *
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "external".
 */
export interface External {
  /**
   * The host names the applications connect to.
   *
   * @minItems 1
   *
   * Items: A DNS host name, such as "api.stripe.com" or "*.googleapis.com".
   */
  hosts: [string, ...string[]];
  /**
   * Virtual IPs of the hosts (ServiceEntry `addresses`), e.g. ["169.254.169.254"] for a metadata server.
   *
   * @minItems 1
   *
   * Items: An IP address or CIDR block.
   */
  addresses?: [string, ...string[]];
  /**
   * The ports the applications use, by name.
   */
  ports: {
    [k: string]: ExternalPort;
  };
  /**
   * How the sidecar finds the hosts' endpoints: dns (the default, unless a host is a wildcard), static (the `endpoints` given), none (the address the application connected to: the default for wildcard hosts).
   */
  resolution?: 'dns' | 'static' | 'none';
  /**
   * The endpoints' addresses (IPs, or host names with resolution dns); required with resolution static.
   *
   * @minItems 1
   */
  endpoints?: [string, ...string[]];
  timeout?: Duration1;
  retries?: Retries;
  circuitBreaker?: CircuitBreaker;
  /**
   * What the provider promises.
   */
  slo?: {
    /**
     * The provider's availability, in percent (default 99.9), which `availability-target` multiplies into every caller's estimate.
     */
    availability: number;
  };
}
/**
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "externalPort".
 */
export interface ExternalPort {
  /**
   * The port the application connects to.
   */
  port: number;
  /**
   * How the mesh treats the port: http and grpc are proxied as requests (Istio retries and times them out), https and tls pass through encrypted (routed by SNI), tcp as opaque bytes.
   */
  protocol: 'http' | 'https' | 'tls' | 'tcp' | 'grpc';
  /**
   * For an http port: the sidecar upgrades the application's plain HTTP to TLS (a DestinationRule with tls mode SIMPLE on this port), sending it to `targetPort`, so requests stay visible to the mesh (retries, timeouts, metrics).
   */
  originateTls?: boolean;
  /**
   * The port on the external host (default: `port`, or 443 with `originateTls`).
   */
  targetPort?: number;
}
/**
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "policy".
 */
export interface Policy {
  tiers?: {
    critical?: TierPolicy;
    standard?: TierPolicy;
    'best-effort'?: TierPolicy;
  };
  rules?: {
    [k: string]:
      | SeveritySetting
      | {
          severity: SeveritySetting;
          [k: string]: number | string | boolean | SeveritySetting;
        };
  };
  suppress?: {
    /**
     * A rule id (lowercase letters, digits and "-"), as `hamesh rules` lists them.
     */
    rule: string;
    /**
     * A JSON Pointer such as "/services/orders" (a prefix matches everything below it).
     */
    path: string;
    reason: string;
    expires?: string;
  }[];
  model?: {
    replicaAvailability?: number;
  };
}
/**
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "tierPolicy".
 */
export interface TierPolicy {
  minReplicas?: number;
  minZones?: number;
  minTopicReplication?: number;
  requireCircuitBreaker?: boolean;
  requireProbes?: boolean;
}
/**
 * Overrides for one environment: any top-level field except `apiVersion`, `kind` and `environments`, with the same shape, every part optional (the merged spec is validated as a whole).
 *
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "environment".
 */
export interface Environment {
  /**
   * Overrides of `metadata` (e.g. another `namespace`).
   */
  metadata?: {};
  /**
   * Replaces `zones` (arrays are replaced, not merged).
   */
  zones?: unknown[];
  /**
   * Overrides of `broker`.
   */
  broker?: {};
  /**
   * Overrides of `defaults`.
   */
  defaults?: {};
  /**
   * Overrides of `profiles`, by profile name.
   */
  profiles?: {};
  /**
   * Overrides of `services`, by service name (a new name adds a service).
   */
  services?: {};
  /**
   * Overrides of `events`, by event name.
   */
  events?: {};
  /**
   * Overrides of `policy`: this environment's own tiers, rules and suppressions (an organisation `--policy` floor still applies).
   */
  policy?: {};
  /**
   * Overrides of `externals`, by name.
   */
  externals?: {};
  /**
   * Overrides of `mesh`.
   */
  mesh?: {};
}
export interface ExtraObject {
  /**
   * The object's API version, such as "rbac.authorization.k8s.io/v1".
   */
  apiVersion: string;
  /**
   * A Kubernetes kind such as "Role".
   */
  kind: string;
  /**
   * The object's metadata: `name`, and `namespace` to put it outside the system's.
   */
  metadata: {
    name: DnsSubdomain;
    namespace?: DnsLabel;
    [k: string]: unknown;
  };
  [k: string]: unknown;
}
/**
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "labels".
 */
export interface Labels3 {
  /**
   * A label value: at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit (or empty).
   */
  [k: string]: string;
}
/**
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "annotations".
 */
export interface Annotations5 {
  [k: string]: string;
}
/**
 * Node labels a node must have to run the pods.
 *
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "nodeSelector".
 */
export interface Labels4 {
  /**
   * A label value: at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit (or empty).
   */
  [k: string]: string;
}
