import type { DiffCode } from '../diagnostics/codes.js';
import type { RelatedLocation } from '../diagnostics/diagnostic.js';
import type { NormalizedEvent } from '../normalize/model.js';
import type { RenderedDocument } from '../render/target.js';
import type { ResolvedSystem } from '../resolve/resolve.js';

/** An unsafe change: where it is in the new spec (a JSON Pointer; the nearest remaining parent for a removal). */
export interface DiffFinding {
  path: string;
  message: string;
  related?: RelatedLocation[];
}

export interface DiffContext {
  before: ResolvedSystem;
  after: ResolvedSystem;
  /** The new build's documents (e.g. to see whether a service has an AuthorizationPolicy). */
  afterDocuments: readonly RenderedDocument[];
  report(finding: DiffFinding): void;
}

/** One unsafe-change rule of `hamesh diff`: its catalogue entry and an inspection of both versions. */
export interface DiffRule {
  meta: DiffCode;
  inspect(context: DiffContext): void;
}

/** Events declared in both versions, as [before, after] pairs. */
export function keptEvents({
  before,
  after,
}: Pick<DiffContext, 'before' | 'after'>): Array<[NormalizedEvent, NormalizedEvent]> {
  return before.system.events.flatMap((old): Array<[NormalizedEvent, NormalizedEvent]> => {
    const next = after.event(old.name);
    return next ? [[old, next]] : [];
  });
}

/** Partitions and replication factors are Kafka topic settings (a JetStream stream has neither partitions nor a reassignment). */
export const onKafka = ({ before, after }: Pick<DiffContext, 'before' | 'after'>): boolean =>
  before.system.broker.kind === 'kafka' && after.system.broker.kind === 'kafka';

/** ` and its 4 retry and dead-letter topics`: the KafkaTopics named after `event` (`<event>.<group>.retry-1`, `….dlt`) that change with it. */
export function derivedTopics(documents: readonly RenderedDocument[], event: string): string {
  const count = documents.filter((d) => {
    const topic = d.value.kind === 'KafkaTopic' && (d.value.spec as { topicName?: unknown } | undefined)?.topicName;
    return typeof topic === 'string' && topic.startsWith(`${event}.`);
  }).length;
  return count > 0 ? ` (and its ${count} retry and dead-letter topic${count === 1 ? '' : 's'})` : '';
}
