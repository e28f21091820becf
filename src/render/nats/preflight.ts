import { codes, type DiagnosticCode } from '../../diagnostics/codes.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { NormalizedEvent } from '../../normalize/model.js';
import { formatDuration } from '../../spec/duration.js';
import { collisions } from '../broker/collisions.js';
import { fitsNanoseconds } from './nanoseconds.js';
import type { JetStreamPlan } from './plan.js';

/** JetStream's limit on `num_replicas` (R1 to R5). */
const maxStreamReplicas = 5;

/** Stream and consumer names that collide after name mapping, durations and replication JetStream cannot hold. */
export function jetStreamProblems(plan: JetStreamPlan, events: readonly NormalizedEvent[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const error = (rule: DiagnosticCode, path: string, message: string) =>
    out.push({ rule, severity: 'error', message, path });

  for (const [first, later] of collisions(plan.streams, (name) => name)) {
    error(
      codes.streamName.id,
      later.path,
      `JetStream stream '${later.name}' (${later.description}) has the same name as stream '${first.name}' (${first.description}, from ${first.path}); rename the event`,
    );
  }
  const consumers = plan.consumers.map((c) => ({ ...c, name: `${c.stream}/${c.name}` }));
  for (const [first, later] of collisions(consumers, (name) => name)) {
    error(
      codes.consumerName.id,
      later.path,
      `JetStream consumer '${later.name}' is also used by ${first.path}: give the subscriptions different groups`,
    );
  }

  for (const consumer of plan.consumers) {
    if (!consumer.backoffMs.every(fitsNanoseconds)) {
      error(
        codes.natsDuration.id,
        `${consumer.path}/retry`,
        `the retry backoff grows beyond what JetStream can hold (about 292 years); set retry.maxDelay`,
      );
    }
  }
  for (const event of events) {
    if (!fitsNanoseconds(event.retentionMs)) {
      error(
        codes.natsDuration.id,
        `${event.path}/retention`,
        `retention ${formatDuration(event.retentionMs)} is longer than JetStream's max_age allows (about 292 years)`,
      );
    }
    if (event.replication > maxStreamReplicas) {
      error(
        codes.streamReplicas.id,
        `${event.path}/replication`,
        `JetStream replicates a stream at most ${maxStreamReplicas} times, but '${event.name}' asks for ${event.replication}`,
      );
    }
  }
  return out;
}
