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
 * via the `definition` "quantity".
 */
export type Quantity = number | string;
/**
 * An HTTP path starting with '/', or 'grpc' for Kubernetes' native gRPC health probe.
 *
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "probePath".
 */
export type ProbePath = string;
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
        cookie?: string;
        sourceIp?: true;
      };
    };
/**
 * A duration such as 250ms, 2s, 1m30s, 7d.
 *
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "duration".
 */
export type Duration = string;
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
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "tier".
 */
export type Tier = 'critical' | 'standard' | 'best-effort';
/**
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "call".
 */
export type Call =
  | DnsLabel
  | {
      service: DnsLabel;
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
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "severitySetting".
 */
export type SeveritySetting = 'off' | 'warning' | 'error';

/**
 * A hamesh system: services, the events between them and their high-availability policies.
 */
export interface System {
  apiVersion: 'hamesh.dev/v1';
  kind: 'System';
  metadata: {
    name: DnsLabel;
    namespace?: DnsLabel;
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
  policy?: Policy;
}
/**
 * HA fields written once and applied to services.
 *
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "profile".
 */
export interface Profile {
  replicas?: number;
  autoscale?: Autoscale;
  resources?: Resources;
  probes?: Probes;
  spread?: Spread;
  disruption?: Disruption;
  loadBalancer?: LoadBalancer;
  timeout?: Duration;
  retries?: Retries;
  circuitBreaker?: CircuitBreaker;
  failover?: Failover;
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
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "resources".
 */
export interface Resources {
  cpu?: Quantity;
  memory?: Quantity;
}
/**
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "probes".
 */
export interface Probes {
  readiness?: ProbePath;
  liveness?: ProbePath;
  startup?: ProbePath;
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
  perTryTimeout?: Duration;
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
  interval: Duration;
  baseEjectionTime: Duration;
  maxEjectionPercent: number;
  maxConnections?: number;
  maxPendingRequests?: number;
}
/**
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "service".
 */
export interface Service {
  /**
   * A container image reference without spaces, such as "ghcr.io/acme/orders:1.2.0".
   */
  image: string;
  tier?: Tier;
  profile?: DnsLabel;
  port?: number;
  protocol?: 'http' | 'grpc' | 'tcp';
  replicas?: number;
  autoscale?: Autoscale;
  resources?: Resources;
  probes?: Probes;
  spread?: Spread;
  disruption?: Disruption;
  loadBalancer?: LoadBalancer;
  timeout?: Duration;
  retries?: Retries;
  circuitBreaker?: CircuitBreaker;
  failover?: Failover;
  versions?: {
    [k: string]: {
      weight: number;
      /**
       * A container image reference without spaces, such as "ghcr.io/acme/orders:1.3.0-rc.1".
       */
      image?: string;
    };
  };
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
  ingress?: {
    /**
     * @minItems 1
     *
     * Items: A DNS host name such as "shop.example.com" or "*.example.com".
     */
    hosts: [string, ...string[]];
    /**
     * An Istio Gateway as "name" or "namespace/name" (default: istio-system/ingressgateway).
     */
    gateway?: string;
    /**
     * The ingress gateway workload's service account as "namespace/name", whose mTLS identity the service admits (default: istio-system/istio-ingressgateway-service-account, Istio's default ingress gateway install).
     */
    gatewayServiceAccount?: string;
  };
  calls?: Call[];
  publishes?: EventName[];
  subscribes?: {
    [k: string]: Subscription;
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
    delay: Duration;
    maxDelay?: Duration;
    /**
     * Randomise each delay (full jitter).
     */
    jitter?: boolean;
  };
  deadLetter?: boolean;
  ordered?: boolean;
}
/**
 * This interface was referenced by `System`'s JSON-Schema
 * via the `definition` "event".
 */
export interface Event {
  partitions?: number;
  replication?: number;
  minInSync?: number;
  retention?: Duration;
  /**
   * Payload field used as the partition key.
   */
  key?: string;
  compacted?: boolean;
  /**
   * A JSON Schema of the payload.
   */
  schema?: {};
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
