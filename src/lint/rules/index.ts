import type { Rule } from '../rule.js';
import { rule as autoscaleCpuRequest } from './autoscale-cpu-request.js';
import { rule as availabilityTarget } from './availability-target.js';
import { rule as brokerRedundancy } from './broker-redundancy.js';
import { rule as callCycle } from './call-cycle.js';
import { rule as circuitBreaker } from './circuit-breaker.js';
import { rule as consumerCapacity } from './consumer-capacity.js';
import { rule as deadLetter } from './dead-letter.js';
import { rule as disruptionBudget } from './disruption-budget.js';
import { rule as failoverNeedsOutlierDetection } from './failover-needs-outlier-detection.js';
import { rule as faultDisablesRetries } from './fault-disables-retries.js';
import { rule as httpOnly } from './http-only.js';
import { rule as ingressRegexOverlap } from './ingress-regex-overlap.js';
import { rule as minReplicas } from './min-replicas.js';
import { rule as missingProbes } from './missing-probes.js';
import { rule as natsCompaction } from './nats-compaction.js';
import { rule as noMeshRoute } from './no-mesh-route.js';
import { rule as orderedRetry } from './ordered-retry.js';
import { rule as orphanEvent } from './orphan-event.js';
import { rule as outsideTrafficRefused } from './outside-traffic-refused.js';
import { rule as partitionsBelowConsumers } from './partitions-below-consumers.js';
import { rule as podSecurity } from './pod-security.js';
import { rule as portProtocol } from './port-protocol.js';
import { rule as replicasIgnored } from './replicas-ignored.js';
import { rule as retryAmplification } from './retry-amplification.js';
import { rule as retryRetention } from './retry-retention.js';
import { rule as retryStorm } from './retry-storm.js';
import { rule as spofDependency } from './spof-dependency.js';
import { rule as timeoutBudget } from './timeout-budget.js';
import { rule as topicDurability } from './topic-durability.js';
import { rule as unreachableRoute } from './unreachable-route.js';
import { rule as zoneCapacity } from './zone-capacity.js';
import { rule as zoneSpread } from './zone-spread.js';

/**
 * Every lint rule, one import per file in this folder (as ESLint's lib/rules/index.js), so that bundlers and
 * dead-code tools see them. A new rule is a file here, a line below and its test; test/lint/registry.test.ts
 * fails if a file in this folder is not listed.
 */
export const allRules: readonly Rule[] = [
  autoscaleCpuRequest,
  availabilityTarget,
  brokerRedundancy,
  callCycle,
  circuitBreaker,
  consumerCapacity,
  deadLetter,
  disruptionBudget,
  failoverNeedsOutlierDetection,
  faultDisablesRetries,
  httpOnly,
  ingressRegexOverlap,
  minReplicas,
  missingProbes,
  natsCompaction,
  noMeshRoute,
  orderedRetry,
  orphanEvent,
  outsideTrafficRefused,
  partitionsBelowConsumers,
  podSecurity,
  portProtocol,
  replicasIgnored,
  retryAmplification,
  retryRetention,
  retryStorm,
  spofDependency,
  timeoutBudget,
  topicDurability,
  unreachableRoute,
  zoneCapacity,
  zoneSpread,
];
