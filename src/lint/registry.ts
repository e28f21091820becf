import { policyRules } from './policy-rules.js';
import type { Rule, RuleMeta } from './rule.js';
import { rule as autoscaleCpuRequest } from './rules/autoscale-cpu-request.js';
import { rule as availabilityTarget } from './rules/availability-target.js';
import { rule as brokerRedundancy } from './rules/broker-redundancy.js';
import { rule as callCycle } from './rules/call-cycle.js';
import { rule as circuitBreaker } from './rules/circuit-breaker.js';
import { rule as deadLetter } from './rules/dead-letter.js';
import { rule as disruptionBudget } from './rules/disruption-budget.js';
import { rule as failoverNeedsOutlierDetection } from './rules/failover-needs-outlier-detection.js';
import { rule as minReplicas } from './rules/min-replicas.js';
import { rule as missingProbes } from './rules/missing-probes.js';
import { rule as orderedRetry } from './rules/ordered-retry.js';
import { rule as orphanEvent } from './rules/orphan-event.js';
import { rule as partitionsBelowConsumers } from './rules/partitions-below-consumers.js';
import { rule as retryAmplification } from './rules/retry-amplification.js';
import { rule as retryRetention } from './rules/retry-retention.js';
import { rule as spofDependency } from './rules/spof-dependency.js';
import { rule as timeoutBudget } from './rules/timeout-budget.js';
import { rule as topicDurability } from './rules/topic-durability.js';
import { rule as zoneCapacity } from './rules/zone-capacity.js';
import { rule as zoneSpread } from './rules/zone-spread.js';

/** Every lint rule, sorted by id. A new rule is one file under rules/, one line here and one test. */
export const rules: readonly Rule[] = [
  autoscaleCpuRequest,
  availabilityTarget,
  brokerRedundancy,
  callCycle,
  circuitBreaker,
  deadLetter,
  disruptionBudget,
  failoverNeedsOutlierDetection,
  minReplicas,
  missingProbes,
  orderedRetry,
  orphanEvent,
  partitionsBelowConsumers,
  retryAmplification,
  retryRetention,
  spofDependency,
  timeoutBudget,
  topicDurability,
  zoneCapacity,
  zoneSpread,
];

/** Every rule id hamesh can report from lint, with its documentation: the checks and the policy findings. */
export const ruleMetas: readonly RuleMeta[] = [...rules.map((r) => r.meta), ...policyRules].sort((a, b) => (a.id < b.id ? -1 : 1));

const byId = new Map(ruleMetas.map((meta) => [meta.id, meta]));

export const findRule = (id: string): RuleMeta | undefined => byId.get(id);
