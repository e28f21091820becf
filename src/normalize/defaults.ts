import type { Tier } from '../spec/schema.generated.js';

/**
 * Every built-in default, in one place. The normalize stage applies them all; nothing later guesses.
 * The README's "Defaults" table documents this object. Defaults derived from other fields are applied in
 * normalize(): `metadata.namespace` and `broker.cluster` default to `metadata.name`, `broker.namespace` to
 * the system's namespace, `subscribes.<event>.group` to the service's name, a version's image to the service's.
 */
export const DEFAULTS = {
  brokerKind: 'kafka',
  /** Kafka clusters are Strimzi's: hamesh emits KafkaTopics (and KafkaUsers) for its Topic and User Operators. */
  brokerOperator: 'strimzi',
  /** The only KafkaTopic version Strimzi 1.x serves (since 0.49); v1beta2 is for older operators. */
  topicApiVersion: 'kafka.strimzi.io/v1',
  brokerAuth: 'none',
  tier: 'standard' as Tier,
  workload: 'deployment',
  /** Pod Security "restricted": containers never run as root (an image whose USER is root needs `security.runAsUser`). */
  security: { runAsNonRoot: true },
  serviceType: 'ClusterIP',
  port: 8080,
  protocol: 'http',
  /** Replicas when neither the service, its profile, `defaults` nor `autoscale` set them. */
  tierReplicas: { critical: 3, standard: 2, 'best-effort': 1 } satisfies Record<Tier, number>,
  autoscaleCpuPercent: 70,
  spread: 'zone',
  /** Applied only when replicas > 1. */
  disruption: { maxUnavailable: 1 },
  /**
   * Istio's own outlierDetection defaults, which the compiler writes next to a locality `failover` when the
   * service has no `circuitBreaker` (Istio ignores failover without outlier detection).
   */
  istioOutlierDetection: {
    consecutiveErrors: 5,
    intervalMs: 10_000,
    baseEjectionTimeMs: 30_000,
    maxEjectionPercent: 10,
  },
  /** Istio retries an HTTP or gRPC route this many times when it sets no `retries` (`attempts: 0` turns that off). */
  istioImplicitRetries: 2,
  /** JetStream settings written explicitly where the spec has no field, so applied config is never implicit. */
  jetstream: {
    /** The server's default ack wait; used when a subscription has no retry backoff. */
    ackWaitMs: 30_000,
    /** The server's default duplicate window (capped at the stream's max_age, as the server requires). */
    duplicateWindowMs: 120_000,
    /** The server's default number of unacknowledged messages in flight; `ordered` subscriptions get 1. */
    maxAckPending: 1000,
  },
  /** The emitted Gateway's name is `<metadata.name><suffix>`; it selects Istio's default ingress gateway pods. */
  gatewaySuffix: '-gateway',
  gatewaySelector: { istio: 'ingressgateway' },
  /** The ports Istio's ingress gateway pods listen on (its Service maps 80 and 443 to them), as Istio's samples use. */
  gatewayPorts: { http: 8080, https: 8443 },
  /** The service account of Istio's default ingress gateway install (istioctl's default profile). */
  ingressGatewayServiceAccount: 'istio-system/istio-ingressgateway-service-account',
  /** The Ingress class Istio's ingress gateway serves (`--target ingress`). */
  ingressClassName: 'istio',
  callCritical: true,
  mesh: { mtls: 'strict', authorization: 'calls', sidecarScope: true },
  /** The namespace every cluster has: hamesh does not emit a Namespace object for it unless `metadata.createNamespace` says so. */
  preexistingNamespace: 'default',
  /**
   * An external's availability in percent when it declares no `slo` (three nines, what most public APIs'
   * SLAs promise), and its resolution: dns, or none when a host is a wildcard (which DNS cannot resolve).
   */
  external: { availability: 99.9, resolution: 'dns', wildcardResolution: 'none', originatedTlsPort: 443 },
  /** Share of requests a route's fault injection or mirror affects, in percent. */
  routePercent: 100,
  event: { partitions: 3, replication: 3, minInSync: 2, retention: '7d', compacted: false },
  subscription: { deadLetter: false, ordered: false, jitter: false },
  policy: {
    tiers: {
      critical: {
        minReplicas: 3,
        minZones: 3,
        minTopicReplication: 3,
        requireCircuitBreaker: true,
        requireProbes: true,
      },
      standard: {
        minReplicas: 2,
        minZones: 2,
        minTopicReplication: 3,
        requireCircuitBreaker: false,
        requireProbes: false,
      },
      'best-effort': {
        minReplicas: 1,
        minZones: 1,
        minTopicReplication: 1,
        requireCircuitBreaker: false,
        requireProbes: false,
      },
    },
    replicaAvailability: 0.99,
  },
} as const;
