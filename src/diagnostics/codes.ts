import { compareStrings } from '../util/order.js';
import type { Severity } from './diagnostic.js';

/** The pipeline stage that reports an id, in pipeline order; `diff` is `hamesh diff` comparing two versions of a spec. */
export const stages = ['load', 'validate', 'lint', 'render', 'verify', 'write', 'diff'] as const;
export type Stage = (typeof stages)[number];

/** A numeric lint-rule option, set in `policy.rules.<id>: {severity, <name>: value}`. */
export interface RuleOption {
  description: string;
  default: number;
  /** Which way makes the rule stricter: an organisation policy's value is a floor the spec may only tighten. */
  stricter: 'lower' | 'higher';
}

export interface CodeEntry {
  /** The id a Diagnostic carries in `rule` (kebab-case, stable: users' policies and CI scripts name it). */
  id: string;
  stage: Stage;
  /**
   * Default severity. Judgements — lint ids, and the warnings and notes of later stages — are what `policy.rules` may
   * reconfigure and `policy.suppress` hide (see isConfigurable); `hamesh diff`'s rules are configured only.
   */
  severity: Severity;
  /** One line. */
  description: string;
  /** Why it matters (lint rules). */
  rationale?: string;
  fix: string;
  /** A lint rule's numeric options, with their defaults. */
  options?: Readonly<Record<string, RuleOption>>;
}

/**
 * The one catalogue of diagnostic ids, like TypeScript's diagnosticMessages.json: every id any stage reports,
 * with its stage, default severity and documentation. Code refers to an id through this object
 * (`codes.unknownKey.id`), never by a string literal; a new id is one entry here plus a test that produces it
 * (test/diagnostics/codes.test.ts names the witness for every id that is not a lint rule).
 */
export const codes = {
  // load
  load: {
    id: 'load',
    stage: 'load',
    severity: 'error',
    description: 'The spec, policy or template file cannot be read or parsed.',
    fix: 'Fix what the message names at the given line and column (YAML/JSON syntax, a TypeScript error, a missing default export), or point hamesh at the right file.',
  },
  // validate
  schema: {
    id: 'schema',
    stage: 'validate',
    severity: 'error',
    description:
      'A value does not have the shape `schemas/system.schema.json` requires (type, enum, pattern, range, a missing required key).',
    fix: 'Change the value as the message says; editors that read the `$schema` (YAML) or the `defineSystem` types (TypeScript) show the allowed values as you type.',
  },
  unknownKey: {
    id: 'unknown-key',
    stage: 'validate',
    severity: 'error',
    description: 'The spec has a key the schema does not define (often a misspelling).',
    fix: 'Rename the key to the one suggested, or remove it.',
  },
  unknownReference: {
    id: 'unknown-reference',
    stage: 'validate',
    severity: 'error',
    description: 'A call, publish, subscription or profile refers to a service, event or profile that is not declared.',
    fix: 'Declare the service, event or profile, or correct the name (the message suggests the closest one).',
  },
  versionWeights: {
    id: 'version-weights',
    stage: 'validate',
    severity: 'error',
    description: "The weights of a service's `versions` do not add up to 100.",
    fix: 'Change the weights so they add up to 100.',
  },
  duplicateCall: {
    id: 'duplicate-call',
    stage: 'validate',
    severity: 'error',
    description: 'A service lists the same callee more than once in `calls`.',
    fix: 'Keep one entry per callee (merge their `critical` flags).',
  },
  invalidValue: {
    id: 'invalid-value',
    stage: 'validate',
    severity: 'error',
    description:
      'A value is well-typed but impossible: a zero or over-long duration, `autoscale.max` below `min`, `retry.maxDelay` below `delay`, an invalid event payload schema.',
    fix: 'Change the value as the message says.',
  },
  conflictingFields: {
    id: 'conflicting-fields',
    stage: 'validate',
    severity: 'error',
    description:
      'A service combines fields that exclude each other (the one-port shorthand `port`/`protocol` with `ports`).',
    fix: 'Keep one of them, as the message says: give the port as an entry of `ports`.',
  },
  duplicateName: {
    id: 'duplicate-name',
    stage: 'validate',
    severity: 'error',
    description: 'An external has the name of a service, so a call naming it would be ambiguous.',
    fix: 'Rename the external or the service.',
  },
  duplicatePort: {
    id: 'duplicate-port',
    stage: 'validate',
    severity: 'error',
    description: 'Two ports of a service share a number, a name or a Service port.',
    fix: 'Give each port its own number, name and Service port.',
  },
  portName: {
    id: 'port-name',
    stage: 'validate',
    severity: 'error',
    description:
      'A port name does not fit Kubernetes once hamesh puts the protocol in front (IANA service name: at most 15 characters, lowercase letters, digits and dashes).',
    fix: 'Shorten or rename the port key.',
  },
  envReference: {
    id: 'env-reference',
    stage: 'validate',
    severity: 'error',
    description:
      'An env reference does not fit the graph: an address/host/port/headless of a service not called, a topic not used, a group not subscribed.',
    rationale:
      "hamesh resolves graph references so addresses never drift. Reading another service's address is a use of it: its AuthorizationPolicy admits only declared callers, so the traffic would be refused. A topic the service neither publishes nor subscribes to, or a group of an event it does not consume, is a wiring mistake the event graph (and broker ACLs) would not allow.",
    fix: 'Add the service to `calls`, the event to `publishes`/`subscribes`, or reference the right name.',
  },
  envCycle: {
    id: 'env-cycle',
    stage: 'validate',
    severity: 'error',
    description: 'Env variables refer to each other through $(VAR) in a cycle.',
    rationale:
      'Kubernetes expands $(VAR) only from variables listed before; in a cycle one of them always comes first, so it keeps the literal $(VAR).',
    fix: 'Break the cycle: give one variable a literal value or a reference hamesh resolves.',
  },
  reservedLabel: {
    id: 'reserved-label',
    stage: 'validate',
    severity: 'error',
    description: 'A pod label key hamesh sets itself (app, version, app.kubernetes.io/*).',
    rationale:
      'app and version select the pods for the Service, PodDisruptionBudget, Istio subsets and AuthorizationPolicy; the app.kubernetes.io labels name the app. Overriding them would detach the pods from those objects.',
    fix: 'Use another label key.',
  },
  unreachableCall: {
    id: 'unreachable-call',
    stage: 'validate',
    severity: 'error',
    description: 'A service calls a worker (`ports: {}`), which exposes no port to call.',
    fix: 'Give the callee a port in `ports`, or drop the call.',
  },
  noMeshRoute: {
    id: 'no-mesh-route',
    stage: 'lint',
    severity: 'warning',
    description:
      'A mesh setting (timeout, retries, load balancing, …) on a worker that exposes no TCP, HTTP or gRPC port, so no traffic reaches it through the mesh.',
    rationale:
      'Envoy applies timeouts, retries, load balancing and outlier detection to traffic it proxies to a port; a service without a TCP, HTTP or gRPC port receives none, so the setting promises an HA behaviour that never happens.',
    fix: 'Remove the setting, or expose a port.',
  },
  podSecurity: {
    id: 'pod-security',
    stage: 'lint',
    severity: 'warning',
    description:
      'A security setting leaves the Pod Security "restricted" profile (runAsNonRoot: false, or a capability other than NET_BIND_SERVICE).',
    rationale:
      'hamesh runs every pod under the "restricted" profile: runAsNonRoot, the runtime seccomp profile, no privilege escalation, all capabilities dropped. A namespace that enforces it (pod-security.kubernetes.io/enforce: restricted) refuses pods that leave it. An image whose USER is root, or a user name rather than a number (most public images: distroless/static, alpine, redis:alpine), does not start under runAsNonRoot: the kubelet cannot prove the user is not root, and the pod stays in CreateContainerConfigError.',
    fix: 'Keep runAsNonRoot and set `security.runAsUser` (and usually runAsGroup/fsGroup) to a non-root id such as 1000, so such an image runs as that user; add only NET_BIND_SERVICE.',
  },
  ingressConflict: {
    id: 'ingress-conflict',
    stage: 'validate',
    severity: 'error',
    description:
      'Two services claim the same requests of one ingress host (two catch-alls, the same exact path, prefix or regex), or serve the host with different TLS.',
    fix: 'Give one of them other `ingress.paths` (or another host); give every service on the host the same `ingress.tls`.',
  },
  unreachableRoute: {
    id: 'unreachable-route',
    stage: 'lint',
    severity: 'warning',
    description: 'A route without a match takes every request, so the routes after it never apply.',
    rationale:
      'Istio evaluates HTTP routes in order and the first that matches wins; a route without a match matches everything, so later routes (a canary split, a fault for testers) silently never apply.',
    fix: 'Give the route a `match`, or move it last.',
  },
  duplicateMount: {
    id: 'duplicate-mount',
    stage: 'validate',
    severity: 'error',
    description: 'Two volumes of a service mount at the same path.',
    fix: 'Give each volume its own `path`.',
  },
  duplicateContainer: {
    id: 'duplicate-container',
    stage: 'validate',
    severity: 'error',
    description:
      'An init container or sidecar has the name of another container of the pod (the service itself included).',
    fix: 'Rename the container: container names must be unique within the pod.',
  },
  duplicateVolume: {
    id: 'duplicate-volume',
    stage: 'validate',
    severity: 'error',
    description: 'A `storage` claim has the name of a volume in `volumes`.',
    fix: 'Rename one of them: volume names must be unique in the pod.',
  },
  fileSource: {
    id: 'file-source',
    stage: 'validate',
    severity: 'error',
    description:
      "A `files` entry's `{from: PATH}` cannot be used: missing, not a regular file, outside the spec's folder, larger than 1 MiB or not UTF-8.",
    fix: "Give a path relative to the spec file's folder, to a UTF-8 text file inside that folder (a ConfigMap holds at most 1 MiB).",
  },
  probeProtocol: {
    id: 'probe-protocol',
    stage: 'validate',
    severity: 'error',
    description:
      "A probe does not fit its port's protocol: an HTTP path on a grpc or tcp port, grpc on a tcp port, or any network probe on a udp port.",
    fix: 'Probe a grpc port with `grpc`, a tcp port with `{ tcp: true }`, an http port with a path; or point the probe at another port with `port`, or use `{ exec: [...] }`.',
  },
  // lint
  autoscaleCpuRequest: {
    id: 'autoscale-cpu-request',
    stage: 'lint',
    severity: 'error',
    description: 'A service autoscales on CPU utilisation but has no `resources.cpu` request.',
    rationale:
      "The HorizontalPodAutoscaler hamesh emits scales on average CPU utilisation, which Kubernetes computes as a share of the pods' CPU request. Without a request the utilisation is unknown: the HPA reports FailedGetResourceMetric and never scales, however high the load.",
    fix: 'Set `resources.cpu` (e.g. 250m) on the service, its profile or `defaults`; or replace `autoscale` with fixed `replicas`.',
  },
  availabilityTarget: {
    id: 'availability-target',
    stage: 'lint',
    severity: 'error',
    description: "A service's estimated availability is below its `slo.availability`.",
    rationale:
      'Availability multiplies along critical calls: a service is up only when enough of its replicas are and every critical dependency is. The estimate is A(s) = (1 − (1 − p)^n) × Π A(critical callees), with p = policy.model.replicaAvailability (default 0.99) and n the replicas (autoscale.min); an external counts with the availability its provider promises (`slo.availability`, default 99.9%). It is a model, not a measurement, but it shows which SLOs the design cannot meet.',
    fix: 'Add replicas to the costliest dependency the message names, make calls the service can survive without `critical: false`, or lower the SLO.',
  },
  brokerRedundancy: {
    id: 'broker-redundancy',
    stage: 'lint',
    severity: 'error',
    description:
      'The broker cluster has fewer brokers than the largest replication, or fewer than 3 while any event is replicated.',
    rationale:
      'A topic cannot have more replicas than there are brokers to hold them, so its creation fails or it stays under-replicated. Replicated topics (and a Raft or KRaft quorum) need at least 3 brokers to keep accepting writes while one is down for maintenance.',
    fix: 'Raise `broker.brokers` to at least the largest `replication`, and to at least 3 when any event has replication above 1.',
  },
  callCycle: {
    id: 'call-cycle',
    stage: 'lint',
    severity: 'error',
    description: 'Synchronous critical calls form a cycle.',
    rationale:
      'When services call each other in a cycle, a slow or failing member holds requests on every other member, retries and timeouts compound around the loop, and no service in it can be deployed or recover independently.',
    fix: 'Break the cycle: mark one call `critical: false`, or replace it with an event the other service subscribes to.',
  },
  circuitBreaker: {
    id: 'circuit-breaker',
    stage: 'lint',
    severity: 'warning',
    description:
      'A called service has no circuitBreaker, or one that may eject every endpoint (an error when a tier sets requireCircuitBreaker).',
    rationale:
      'Without outlier detection the mesh keeps sending a share of every request to a broken pod, so one bad replica fails requests all the way up the call graph. A maxEjectionPercent of 100 can eject every endpoint at once, leaving the service with none.',
    fix: 'Add a `circuitBreaker` (consecutiveErrors, interval, baseEjectionTime, maxEjectionPercent below 100) to the called service, its profile or `defaults`.',
  },
  consumerCapacity: {
    id: 'consumer-capacity',
    stage: 'lint',
    severity: 'warning',
    description:
      "A consumer group cannot keep up with its event's rate.peak: at its most replicas, or after losing one zone's replicas (an error for critical services).",
    rationale:
      "Throughput = events / latency: a group whose consumers handle fewer events per second than are published falls behind without bound — lag grows, retention expires unread records, and every event waits longer. A group runs min(partitions, replicas × versions) working consumers on Kafka (one per partition), every replica on JetStream; each handles `throughput.perReplica` events per second. The rule checks the best case (the most replicas: autoscale.max, the ScaledObject's range for lag autoscaling) against `rate.peak`, then the replicas left after losing the zone holding the most of the guaranteed replicas (autoscale.min; as zone-capacity computes for calls), before any autoscaler reacts.",
    fix: "Raise the replicas (or autoscale.min / max) of the subscriber, the event's partitions when they are the limit, or measure and raise throughput.perReplica.",
  },
  deadLetter: {
    id: 'dead-letter',
    stage: 'lint',
    severity: 'warning',
    description: 'A subscription retries but has no dead-letter topic.',
    rationale:
      'A message that fails every retry (a poison message) has nowhere to go without a dead-letter topic: it is redelivered forever, blocking its partition and every message behind it, or silently dropped.',
    fix: 'Set `deadLetter: true` on the subscription, and alert on the dead-letter topic.',
  },
  disruptionBudget: {
    id: 'disruption-budget',
    stage: 'lint',
    severity: 'error',
    description: 'The disruption budget allows no voluntary disruption, so node drains block.',
    rationale:
      'A PodDisruptionBudget with maxUnavailable 0 (or 0%), or minAvailable at or above the replica count (or 100%), never lets the eviction API remove a pod: node drains, cluster upgrades and autoscaler scale-downs hang until someone deletes the budget by hand.',
    fix: 'Use `disruption: {maxUnavailable: 1}` (the default), or a minAvailable below the replica count (autoscale.min when autoscaling).',
  },
  expiredSuppression: {
    id: 'expired-suppression',
    stage: 'lint',
    severity: 'warning',
    description: 'A suppression is past its `expires` date, so it no longer suppresses anything.',
    rationale:
      'Suppressions are meant to be temporary. Once expired, the findings they hid are reported again, and the stale entry is reported so it gets renewed deliberately (with a reason) or removed.',
    fix: 'Fix the findings and delete the suppression, or, if the exception is still justified, update its `reason` and push `expires` forward.',
  },
  failoverNeedsOutlierDetection: {
    id: 'failover-needs-outlier-detection',
    stage: 'lint',
    severity: 'error',
    description:
      "A service sets `failover` without a `circuitBreaker`, so its failover runs on Istio's default outlier detection.",
    rationale:
      "Istio only fails over between localities when outlier detection tells it which endpoints are unhealthy, and ignores locality failover without it. So that the failover is not silently dropped, hamesh then emits Istio's outlier detection defaults (consecutive5xxErrors 5, interval 10s, baseEjectionTime 30s, maxEjectionPercent 10): they eject at most 10% of the endpoints, so a failing locality keeps most of its traffic, and they rarely suit the service. Failover should rest on outlier detection chosen for the service.",
    fix: 'Set a `circuitBreaker` deliberately on the service (or its profile or `defaults`), or remove `failover`.',
  },
  faultDisablesRetries: {
    id: 'fault-disables-retries',
    stage: 'lint',
    severity: 'warning',
    description: 'A route with `fault` injection silently loses its retries and its timeout in Istio.',
    rationale:
      'Istio turns off the retry policy and the timeout of an HTTP route that injects a fault (delay or abort), without a warning. A fault-injection test then measures a route that behaves unlike the real one: no retries absorb the injected errors and no timeout cuts the injected delay short, so the test says nothing about the resilience it is meant to check.',
    fix: 'Inject the fault at the caller (route its calls through a route with `fault` on the callee) and test the timeout and retries elsewhere, or accept the loss and suppress this finding for the test route.',
  },
  ingressRegexOverlap: {
    id: 'ingress-regex-overlap',
    stage: 'lint',
    severity: 'warning',
    description:
      'A regex path of an ingress host also matches a path another service on the host takes first (its exact path or prefix).',
    rationale:
      "A host shared by several services gets one route table, ordered exact paths, then prefixes (longest first), then regexes, then the catch-all. A regex that also matches another service's exact path or prefix never receives those requests, although the spec reads as if it did; which requests overlap is invisible in the YAML.",
    fix: "Narrow the regex so it does not match the other service's path, or accept the overlap and suppress this finding for the regex.",
  },
  httpOnly: {
    id: 'http-only',
    stage: 'lint',
    severity: 'warning',
    description:
      'A `timeout`, `retries` or header/cookie hash on a `protocol: tcp` service, or a `timeout` or `retries` on an external without an http or grpc port, which Istio applies to HTTP and gRPC traffic only.',
    rationale:
      "Istio's route timeouts, retries and header- or cookie-based consistent hashing work on HTTP requests. On a tcp service, or an external reached over https, tls or tcp (the sidecar sees encrypted bytes), they are accepted and silently do nothing, so the HA behaviour you wrote down is not the one that runs.",
    fix: "Remove the setting, or set the service's `protocol` to `http` or `grpc` if it speaks one; for an external, send plain http and let the sidecar originate TLS (`protocol: http`, `originateTls: true`).",
  },
  outsideTrafficRefused: {
    id: 'outside-traffic-refused',
    stage: 'lint',
    severity: 'warning',
    description:
      'A service exposed outside the mesh (`service.type` LoadBalancer or NodePort, or `service.external`) does not admit clients outside the mesh, while mTLS is strict or authorization is `calls`.',
    rationale:
      'A LoadBalancer or NodePort Service sends its clients straight to the pods, past the ingress gateway: they have no sidecar, so they speak plaintext and carry no mesh identity. STRICT mTLS refuses the plaintext, and an AuthorizationPolicy that admits the declared callers only refuses a request without an identity. The Service is created and looks healthy, yet every outside request is reset.',
    fix: 'Add `allowFrom: [{anyone: true}]` to the service (it then gets a PERMISSIVE PeerAuthentication and an ALLOW rule without sources), or route outside clients through `ingress` instead.',
  },
  minReplicas: {
    id: 'min-replicas',
    stage: 'lint',
    severity: 'error',
    description: "A service runs fewer replicas (or autoscale.min) than its tier's minReplicas.",
    rationale:
      'A service with too few replicas loses capacity, or goes down entirely, when a single pod is evicted, rescheduled or crashes. Each tier sets the replicas it needs to survive that (policy.tiers.<tier>.minReplicas).',
    fix: "Raise `replicas` (or `autoscale.min`) to the tier's minimum, in the service, its profile or `defaults`; or lower the service's `tier`.",
  },
  missingProbes: {
    id: 'missing-probes',
    stage: 'lint',
    severity: 'warning',
    description: 'A service has no readiness probe (an error when its tier sets requireProbes).',
    rationale:
      'Without a readiness probe Kubernetes sends traffic to a pod as soon as its container starts and keeps sending it to a pod that can no longer serve, so every rollout and every hung pod turns into failed requests.',
    fix: 'Set `probes.readiness` to an HTTP path (e.g. /healthz/ready) or `grpc`, in the service, its profile or `defaults`.',
  },
  natsCompaction: {
    id: 'nats-compaction',
    stage: 'lint',
    severity: 'warning',
    description: 'A `compacted` event on a NATS broker: JetStream has no log compaction.',
    rationale:
      'Kafka compaction keeps the latest record per key forever; a JetStream stream keeps every message until its retention expires. A consumer that relies on reading the latest state per key after the retention will find nothing.',
    fix: 'Remove `compacted`, or keep only the latest message per subject with a KV bucket or `max_msgs_per_subject` in an override.',
  },
  orderedRetry: {
    id: 'ordered-retry',
    stage: 'lint',
    severity: 'warning',
    description: 'An ordered subscription retries through non-blocking retry topics, which loses the order.',
    rationale:
      'A subscription `retry` moves a failed message to a retry topic and goes on with the next one, so a retried message is handled after messages that came after it: `ordered: true` no longer holds for the key. On NATS (broker kind nats) an ordered consumer keeps one message in flight and redelivers it in place, so the order holds and the rule skips it.',
    fix: 'Drop `retry` from the ordered subscription (let the consumer block and redeliver in place), or drop `ordered: true` if order does not matter.',
  },
  orphanEvent: {
    id: 'orphan-event',
    stage: 'lint',
    severity: 'warning',
    description: 'An event nobody publishes or nobody subscribes to.',
    rationale:
      'An event without publishers is a consumer waiting forever; one without subscribers is data written to a topic nobody reads. Either is usually a renamed or removed service the spec forgot, and it still costs a topic, partitions and retention.',
    fix: 'Add the missing `publishes` or `subscribes` entry, or remove the event.',
  },
  partitionsBelowConsumers: {
    id: 'partitions-below-consumers',
    stage: 'lint',
    severity: 'warning',
    description:
      "A consumer group can run more consumers (replicas × versions), or a subscription's autoscale.max asks for more, than the event has partitions (Kafka).",
    rationale:
      "Kafka gives each partition to one consumer of a group, so consumers beyond the partition count sit idle: scaling the subscriber up (by hand or by its autoscaler) adds no throughput. A service with `versions` runs one Deployment per version, each with the full replica count, all in the same group. A subscription's lag `autoscale.max` above the partitions is capped at them in the KEDA ScaledObject, so the spec promises replicas that never come. JetStream (broker kind nats) has no partitions, so the rule skips it.",
    fix: "Raise the event's `partitions` to at least the group's most replicas (autoscale.max, times the number of versions), or lower the subscriber's replicas or its subscription's autoscale.max.",
  },
  policyConfig: {
    id: 'policy-config',
    stage: 'lint',
    severity: 'error',
    description: 'The policy names a rule or a rule option that does not exist, or gives an option the wrong type.',
    rationale:
      'A misspelt rule id or option in `policy.rules` or `policy.suppress` silently configures nothing, so the policy you meant is not the one enforced.',
    fix: 'Use a rule id from `hamesh rules` and an option from `hamesh explain RULE`; the message suggests the closest name.',
  },
  policyFloor: {
    id: 'policy-floor',
    stage: 'lint',
    severity: 'note',
    description: "The organisation policy (`--policy`) overrode a looser value of the spec's own policy.",
    rationale:
      'An organisation policy is a floor: a spec, or one of its environments, may tighten it but not loosen it. When a spec lowers a ' +
      'tier minimum, turns a requirement off or weakens a rule below the floor, the floor wins; this note says so instead of silently ignoring the value.',
    fix: 'Remove the looser value (it has no effect), or ask for the organisation policy to change.',
  },
  portProtocol: {
    id: 'port-protocol',
    stage: 'lint',
    severity: 'warning',
    description:
      'A well-known non-HTTP port (Redis 6379, PostgreSQL 5432, Kafka 9092, …) has no `protocol`, so it is declared as HTTP.',
    rationale:
      "Istio picks a port's protocol from its name prefix or `appProtocol`. A port without `protocol` is HTTP, named `http…`: the sidecar then parses Redis, PostgreSQL or Kafka traffic as HTTP, and the connections fail or hang in ways that are hard to trace back.",
    fix: 'Set `protocol` on the port (`tcp` for databases, caches and brokers, `grpc` for etcd, `udp` for DNS and StatsD), or `protocol: http` if it really serves HTTP.',
  },
  replicasIgnored: {
    id: 'replicas-ignored',
    stage: 'lint',
    severity: 'warning',
    description:
      'A service sets both replicas and autoscale; the HorizontalPodAutoscaler owns the count, so replicas is ignored.',
    rationale:
      'With autoscale, hamesh emits a HorizontalPodAutoscaler and leaves `replicas` out of the Deployment (a fixed count would fight the autoscaler on every apply). A `replicas` value next to `autoscale` therefore does nothing, and whoever reads the spec may believe it is the count that runs; the effective minimum is autoscale.min.',
    fix: 'Remove `replicas`, or move the number to `autoscale.min`; or remove `autoscale` to run a fixed count.',
  },
  retryAmplification: {
    id: 'retry-amplification',
    stage: 'lint',
    severity: 'warning',
    description: 'Retries multiply along a call path beyond `max` tries per request (default 10).',
    rationale:
      "Each hop retries independently, so retries multiply: a request through three services with 2 retries each can become 3 × 3 × 3 = 27 requests to the last one, exactly when it is already failing, turning a brief overload into an outage. A service without `retries` counts as Istio's implicit 2 retries; a `protocol: tcp` service as none (Istio retries HTTP and gRPC routes only).",
    fix: 'Retry at one layer only (usually the edge): set `retries: {attempts: 0}` on inner services, or lower their attempts.',
    options: {
      max: {
        description: 'The most tries one request may cause at the end of a call path.',
        default: 10,
        stricter: 'lower',
      },
    },
  },
  retryRetention: {
    id: 'retry-retention',
    stage: 'lint',
    severity: 'warning',
    description:
      "A subscription's retries wait longer than the event is retained, so a message can be deleted before its retry.",
    rationale:
      "On Kafka a retry topic keeps its records for the event's retention, so a record whose delay outlasts it can be deleted before it is retried. On NATS the message stays in its stream until max_age, so a redelivery later than the retention finds it gone. Either way a failed message is lost without reaching its dead-letter topic.",
    fix: "Lower the retry `delay`/`maxDelay` (or attempts on NATS), or raise the event's `retention`.",
  },
  retryStorm: {
    id: 'retry-storm',
    stage: 'lint',
    severity: 'warning',
    description:
      "A subscription's retries, at `failureRatio` of failed deliveries, would push its group beyond the throughput its consumers have.",
    rationale:
      "When a dependency of a consumer degrades, a share of deliveries fails and comes back as retries: with a failure ratio r, retry n carries r^n of the traffic, so `retry.attempts` retries add rate.peak × (r + r² + …) events per second. The same group consumes them (from the retry topics on Kafka, as redeliveries on JetStream) next to the new events, so a group sized for rate.peak alone falls behind exactly when its dependency struggles, and the backlog makes the delays longer still. The model assumes every retry fails with the same ratio (`failureRatio`, default 0.2) and uses the group's best-case throughput (as consumer-capacity computes it).",
    fix: 'Leave headroom for retries: more replicas or partitions, fewer retry.attempts, or a dead letter sooner; or measure and raise throughput.perReplica.',
    options: {
      failureRatio: {
        description: 'The share of deliveries assumed to fail while a dependency is degraded (0 to 1).',
        default: 0.2,
        stricter: 'higher',
      },
    },
  },
  spofDependency: {
    id: 'spof-dependency',
    stage: 'lint',
    severity: 'error',
    description:
      'A critical or standard service depends, through critical calls, on a single point of failure (a service with one replica or node, or an external without a circuit breaker); or an ingress host is served only by one.',
    rationale:
      'A service is only as available as the services it cannot work without. A critical or standard service that reaches, through a chain of critical calls, a service with fewer than 2 replicas or `spread: none` fails whenever that one pod or node does, however many replicas it runs itself. An external runs no replicas of ours: without a `circuitBreaker` its failing endpoints are never ejected and every caller waits on them. An ingress host is an entry point too: served only by such a service (critical or standard), the host is down whenever it is (reported once, on the host). Per-object linters cannot see this: it only shows across the call graph.',
    fix: 'Give the dependency at least 2 replicas spread over nodes or zones (an external: a `circuitBreaker`), or mark the call `critical: false` if the caller degrades gracefully without it.',
  },
  timeoutBudget: {
    id: 'timeout-budget',
    stage: 'lint',
    severity: 'warning',
    description:
      "A caller's timeout does not outlast a callee's worst case, or a service's retries cannot fit in its own timeout.",
    rationale:
      "A caller that gives up before its callee can answer (after the callee's retries, each up to perTryTimeout, capped by its timeout) wastes the work and retries a request that may still succeed. Retries whose (1 + attempts) × perTryTimeout exceed the route timeout can never all run: the timeout cuts them off. Istio applies timeouts and retries to HTTP and gRPC routes only, so a `protocol: tcp` service has neither.",
    fix: "Make each caller's `timeout` longer than every callee's worst case, and keep (1 + attempts) × perTryTimeout within a service's own `timeout`.",
  },
  topicDurability: {
    id: 'topic-durability',
    stage: 'lint',
    severity: 'error',
    description: "An event's replication (or, on Kafka, minInSync) cannot survive a broker loss for its tier.",
    rationale:
      "A topic with too few replicas loses messages when a broker disk dies. With acks=all producers, minInSync below 2 acknowledges writes that only one broker holds, and minInSync at or above replication blocks every producer as soon as one broker is down. The tier is the highest among the event's publishers and subscribers. JetStream (broker kind nats) has no min-in-sync setting (a stream write needs a quorum of its replicas; hamesh emits no minInSync for it), so there only replication is checked.",
    fix: "Set `replication` to at least the tier's minTopicReplication (3 for critical and standard) and, on Kafka, `minInSync` to replication − 1 (2 for 3).",
  },
  unusedSuppression: {
    id: 'unused-suppression',
    stage: 'lint',
    severity: 'warning',
    description: 'A suppression matches no finding.',
    rationale:
      "Like ESLint's --report-unused-disable-directives: a suppression that matches nothing is either fixed (so it can go) or has a wrong rule or path, and would silently hide a future finding.",
    fix: 'Delete the suppression, or correct its `rule` or `path` (a JSON Pointer prefix of the findings to hide).',
  },
  zoneCapacity: {
    id: 'zone-capacity',
    stage: 'lint',
    severity: 'error',
    description:
      'After losing the zone with the most replicas, the rest of its effective replicas (autoscale.min) cannot serve its peakRps.',
    rationale:
      "Zone spreading only helps if the surviving zones can carry the load. Replicas spread evenly over the zones, so a zone outage removes ceil(replicas / zones) of them (all of them unless `spread: zone`); the rest must still serve capacity.peakRps. The check uses the effective replicas (autoscale.min when autoscaling: the floor the autoscaler guarantees at the moment a zone is lost, before it can add pods) and the zones in `zones` (else the tier's minZones).",
    fix: 'Raise `replicas` / `autoscale.min` to the count the message gives, spread over more zones, or raise capacity.rpsPerReplica after measuring it.',
  },
  zoneSpread: {
    id: 'zone-spread',
    stage: 'lint',
    severity: 'error',
    description:
      "A service's tier needs several zones but it does not spread over them (spread, replicas or the system's zones).",
    rationale:
      'A zone outage takes down every replica scheduled in that zone. Tiers with minZones > 1 must keep replicas in that many zones: `spread: zone` (a topology spread constraint), at least minZones replicas, and at least minZones zones listed.',
    fix: 'Set `spread: zone`, run at least minZones replicas, and list at least minZones zones in `zones`; or lower the tier.',
  },
  // render
  topicName: {
    id: 'topic-name',
    stage: 'render',
    severity: 'error',
    description:
      'A Kafka topic name is invalid, too long for a KafkaTopic, or collides with another topic (as a name, a metric name or a KafkaTopic name).',
    fix: 'Rename or shorten the event or consumer group the message names.',
  },
  kafkaUserName: {
    id: 'kafka-user-name',
    stage: 'render',
    severity: 'error',
    description:
      "A KafkaUser name is not a valid Kubernetes name, or is too long for a tls certificate's CN (64 characters).",
    fix: 'Shorten the system or service name.',
  },
  streamName: {
    id: 'stream-name',
    stage: 'render',
    severity: 'error',
    description: 'Two events map to the same JetStream stream name.',
    fix: 'Rename one of the events.',
  },
  consumerName: {
    id: 'consumer-name',
    stage: 'render',
    severity: 'error',
    description: 'Two subscriptions map to the same JetStream durable consumer.',
    fix: 'Give the subscriptions different `group`s.',
  },
  natsDuration: {
    id: 'nats-duration',
    stage: 'render',
    severity: 'error',
    description: 'A retention or retry backoff is longer than JetStream can hold in nanoseconds (about 292 years).',
    fix: 'Shorten the retention, or set `retry.maxDelay`.',
  },
  streamReplicas: {
    id: 'stream-replicas',
    stage: 'render',
    severity: 'error',
    description: 'An event asks JetStream for more than 5 stream replicas.',
    fix: "Set the event's `replication` to at most 5.",
  },
  virtualserviceName: {
    id: 'virtualservice-name',
    stage: 'render',
    severity: 'error',
    description:
      "The VirtualService of an ingress host (named after the host) collides with a service's VirtualService.",
    fix: 'Rename the service, or use another host name.',
  },
  externalName: {
    id: 'external-name',
    stage: 'render',
    severity: 'error',
    description:
      "A DestinationRule or VirtualService of an external (named `<external>`, or `<external>-<n>` per host when it has several) takes the name of another object of its kind: a service's, an ingress host's or another external's.",
    fix: 'Rename the external (or the service or other external it collides with).',
  },
  ingressUnsupported: {
    id: 'ingress-unsupported',
    stage: 'render',
    severity: 'error',
    description:
      '`--target ingress` is asked for something a Kubernetes Ingress cannot express: a regex path, a TCP-only service, or (without the istio target) retries, timeouts, version weights, header matches, faults or mirroring.',
    fix: 'Build with `--target istio` as well (its VirtualServices carry those features), or drop the feature from the services behind the ingress.',
  },
  gatewayApiUnsupported: {
    id: 'gateway-api-unsupported',
    stage: 'render',
    severity: 'error',
    description:
      "`--target gateway-api` is asked for something the standard channel of the Kubernetes Gateway API cannot express: fault injection, retries (HTTPRoute `retry` is experimental), TCP routing or TCP version weights (TCPRoute is experimental), a path match not starting with '/', routes whose order Gateway API's most-specific-match rule would invert, or more rules or matches than one HTTPRoute holds.",
    fix: 'Build with `--target istio` instead (its VirtualServices carry all of it), or drop or reorder what the message names.',
  },
  gatewayApiName: {
    id: 'gateway-api-name',
    stage: 'render',
    severity: 'error',
    description:
      "An object `--target gateway-api` emits takes the name of another of its kind: a version's Service (`<service>-<version>`) that of another Service, or two HTTPRoutes (a service's, `<service>-<port>`, an ingress host's) the same name.",
    fix: 'Rename the version, the service or the host the message names.',
  },
  patch: {
    id: 'patch',
    stage: 'render',
    severity: 'error',
    description: "A patch changes an object's identity: its apiVersion, kind, name or namespace.",
    rationale:
      "A patch may change an object's content only: its apiVersion, kind, name and namespace are what the output layout, selectors and other objects rely on.",
    fix: 'Patch content fields only; to rename an object, rename what it is rendered from (the service, event or system).',
  },
  patchUnmatched: {
    id: 'patch-unmatched',
    stage: 'render',
    severity: 'warning',
    description: 'A patch matches no object of the build, so it changes nothing.',
    rationale:
      'A patch that matches nothing usually names the wrong kind or object, or an object of a target left out with --target: the change it was written for is silently missing from the output.',
    fix: 'Check the <Kind>/<name> key (names as hamesh renders them) and the --target list; remove a patch that is no longer needed, or turn this off in `policy.rules` for a patch meant for another target list.',
  },
  // verify
  verify: {
    id: 'verify',
    stage: 'verify',
    severity: 'error',
    description:
      'An emitted object does not pass its upstream schema (Kubernetes, Istio, Strimzi, NATS, AsyncAPI), or has a field the schema does not know.',
    fix: 'Usually a `--templates` override writes a wrong field or value: fix the template at the path given. Without overrides, report it as a hamesh bug.',
  },
  reference: {
    id: 'reference',
    stage: 'verify',
    severity: 'error',
    description:
      "An emitted object refers to another that does not exist (what istioctl analyze checks): a VirtualService's gateway, a route's subset, or a host that is no Service or ServiceEntry.",
    fix: 'Usually a `patches` entry, an `objects` entry or a `--templates` override names a gateway, host or subset the output lacks: correct the name, or add the object (e.g. the version that declares the subset).',
  },
  // write
  drift: {
    id: 'drift',
    stage: 'write',
    severity: 'error',
    description: '`build --check`: the --out folder differs from what the spec builds.',
    fix: 'Run `hamesh build` without `--check` to regenerate the folder, and commit the result.',
  },
  outputIndex: {
    id: 'output-index',
    stage: 'write',
    severity: 'warning',
    description:
      "An entry of the --out folder's `.hamesh-outputs` index is ignored: it is not a plain path to a file inside the folder.",
    rationale:
      'hamesh removes and overwrites only the files its index lists. An entry that leads outside the folder (`..`, an absolute path, a symbolic link) is never trusted, so the file it names is left alone, and is no longer cleaned up when the build stops writing it.',
    fix: 'Remove the entry from the index (it was edited by hand), or restore the index from version control.',
  },
  outputInterrupted: {
    id: 'output-interrupted',
    stage: 'write',
    severity: 'error',
    description:
      'A build of the --out folder was killed before it finished: its staging folder (`.hamesh-staging`) or older `*.hamesh-tmp-*` files are left (`--check` reports them; the next build cleans them up, see `output-recovered`).',
    fix: 'Run `hamesh build --out DIR` again: it rolls the interrupted build back, removes the leftovers and writes the build.',
  },
  outputRecovered: {
    id: 'output-recovered',
    stage: 'write',
    severity: 'warning',
    description:
      'This build found what an interrupted build of the --out folder left (its staging folder or `*.hamesh-tmp-*` files) and cleaned it up, rolling the interrupted switch-over back.',
    rationale:
      'The folder is whole again (the old build or the new one, never a mix), but a build was killed while writing it: a CI job cancelled or out of time, or two writers without the lock. Worth knowing when it happens more than once.',
    fix: 'Nothing to repair. Find what killed the earlier build (a job timeout, a cancelled pipeline) if it recurs.',
  },
  // diff: unsafe changes between two versions of a spec (`hamesh diff`), judgements configured in `policy.rules`
  partitionsDecrease: {
    id: 'partitions-decrease',
    stage: 'diff',
    severity: 'error',
    description: 'A Kafka event has fewer partitions than before.',
    rationale:
      'Kafka cannot remove partitions: the Strimzi Topic Operator refuses the change (the KafkaTopic stays NotReady with "Decreasing partitions not supported") and the topic keeps its old count, so the cluster silently no longer matches the manifests.',
    fix: 'Keep the partition count. To really shrink it, create a new event with fewer partitions, move publishers and subscribers to it, and remove the old event once drained.',
  },
  partitionsIncreaseKeyed: {
    id: 'partitions-increase-keyed',
    stage: 'diff',
    severity: 'warning',
    description: 'A Kafka event that has a `key`, or an `ordered` subscriber, gets more partitions.',
    rationale:
      'Kafka places a keyed record on hash(key) mod partitions: with more partitions most keys move to another partition, so for a while records of one key sit on two partitions and consumers see them out of order. Subscribers that rely on per-key order (`ordered: true`) can process a later event before an earlier one.',
    fix: 'Increase partitions when the event is drained (pause publishers until consumer lag is 0), or accept the reordering for this change and suppress it with `policy.rules.partitions-increase-keyed: off` for the release.',
  },
  replicationChange: {
    id: 'replication-change',
    stage: 'diff',
    severity: 'warning',
    description: "A Kafka event's `replication` (the topic's replication factor) changes.",
    rationale:
      "Changing a topic's replication factor is a partition reassignment: the Strimzi Topic Operator does it only with Cruise Control enabled, and it copies every partition's data between brokers, which loads the cluster for the whole transfer.",
    fix: 'Make sure Cruise Control is deployed with the Kafka cluster (Strimzi `cruiseControl: {}`) and plan the reassignment for a quiet period; otherwise keep the replication factor.',
  },
  eventRemovedWithSubscribers: {
    id: 'event-removed-with-subscribers',
    stage: 'diff',
    severity: 'error',
    description: 'An event that had subscribers in the old version is removed together with them.',
    rationale:
      'Removing the event deletes its topic or stream, and with it every message the subscribers have not consumed yet (and its dead-letter topics); consumers still running the old version fail to read it.',
    fix: 'Remove the event in two steps: first remove its publishers, deploy, and wait until every subscriber has drained it (lag 0, dead letters handled); then remove the subscriptions and the event.',
  },
  payloadBreaking: {
    id: 'payload-breaking',
    stage: 'diff',
    severity: 'error',
    description:
      "An event's payload `schema` changes in a way existing consumers cannot read: a property that was required is removed or no longer required, a property's `type` admits a type it did not, or an `enum` admits new values (checked in nested objects and array items too).",
    rationale:
      'Subscribers are written against the old schema and events already in the topic keep it: a consumer that reads a required property, or switches over an enum, breaks on the first event the new publisher sends. Adding optional properties, adding required ones, narrowing a type or removing enum values are safe for consumers.',
    fix: 'Make the change additive: keep the property (required, with its type and values), add a new optional one, and remove the old one only after every consumer stopped reading it. For a real break, publish a new event (e.g. `order.created.v2`).',
  },
  callerRemoved: {
    id: 'caller-removed',
    stage: 'diff',
    severity: 'note',
    description:
      "A service no longer lists a callee in `calls`: the callee's AuthorizationPolicy will refuse its requests.",
    rationale:
      "hamesh admits only declared callers in each service's AuthorizationPolicy. If the caller's code still makes the call (an old version during the rollout, a forgotten code path), the mesh answers 403 RBAC: access denied.",
    fix: "Deploy the caller's code that no longer makes the call before (or with) this change; if the call is still needed, keep it in `calls`.",
  },
} as const satisfies Record<string, CodeEntry>;

type Codes = typeof codes;
export type Code = Codes[keyof Codes];
/** Every diagnostic id: the type of `Diagnostic.rule`. */
export type DiagnosticCode = Code['id'];
/** The ids of the lint stage: judgements, configurable in `policy.rules` and suppressible in `policy.suppress`. */
export type LintCode = Extract<Code, { stage: 'lint' }>;

/** Every catalogue entry, grouped by stage in pipeline order, then by id. */
export const allCodes: readonly Code[] = Object.values(codes).sort(
  (a, b) => stages.indexOf(a.stage) - stages.indexOf(b.stage) || compareStrings(a.id, b.id),
);

const byId = new Map<string, Code>(allCodes.map((code) => [code.id, code]));

export const findCode = (id: string): Code | undefined => byId.get(id);

/** The ids of `hamesh diff`'s unsafe-change rules: judgements, configurable in `policy.rules` (severity or off). */
export type DiffCode = Extract<Code, { stage: 'diff' }>;

/** The warnings and notes of the stages after lint (render, write): judgements configured and suppressed as lint's. */
export type LaterJudgementCode = Extract<Code, { stage: 'render' | 'verify' | 'write'; severity: 'warning' | 'note' }>;

/**
 * Judgements a policy may configure: every lint and diff id, and every warning or note of a later stage. The others
 * are errors that mean the spec cannot be built or written.
 */
export const isConfigurable = (code: Code): code is LintCode | DiffCode | LaterJudgementCode =>
  code.stage === 'lint' || code.stage === 'diff' || code.severity !== 'error';

/** The id `id` when it is a judgement of one spec — a lint id, or a later stage's warning or note — else undefined. */
export function findSpecJudgement(id: string): LintCode | LaterJudgementCode | undefined {
  const code = findCode(id);
  return code && code.stage !== 'diff' && isConfigurable(code) ? code : undefined;
}

/** Every lint id (rules and the engine's own policy findings), by id. */
export const lintCodes: readonly LintCode[] = allCodes.filter((code): code is LintCode => code.stage === 'lint');

/** A lint rule's options ({} for a rule that takes none, and for ids that are not lint rules). */
export const ruleOptions = (code: Code | undefined): Readonly<Record<string, RuleOption>> =>
  code && 'options' in code ? code.options : {};

/** Why a policy cannot turn off or suppress an id that is not a judgement (an error of a stage other than lint and diff). */
export function whyNotConfigurable(code: Code): string {
  return `'${code.id}' (${code.stage}) means the spec cannot be built: it is always an error and cannot be turned off or suppressed`;
}
