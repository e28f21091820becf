import { renderManifests } from '../engine.js';
import type { RenderedDocument, Target } from '../target.js';
import { checkJetStream } from './check.js';
import { nanoseconds } from './nanoseconds.js';
import { planJetStream } from './plan.js';
import { sortBy } from '../../util/order.js';

/**
 * JetStream StreamConfig/ConsumerConfig JSON files (apply them with any NATS client or the `nats` CLI) and a
 * ConfigMap bundling them. Durations are integer nanoseconds, as the JetStream API expects.
 */
export const natsTarget: Target = {
  name: 'nats',
  description: 'NATS JetStream stream and consumer configs (JSON, plus a ConfigMap bundling them)',
  byDefault: (resolved) => resolved.system.broker.kind === 'nats' && resolved.system.events.length > 0,
  check: (resolved) => checkJetStream(planJetStream(resolved), resolved.system.events),
  render(resolved, { engine }) {
    const { system } = resolved;
    const plan = planJetStream(resolved);
    const files: RenderedDocument[] = [];
    /** ConfigMap key → JSON text; keys cannot contain '/', and stream and consumer names cannot contain '.'. */
    const bundled: Array<[string, string]> = [];
    const emit = (file: string, key: string, template: string, context: object) => {
      for (const value of engine.render(template, context)) {
        files.push({ target: 'nats', kind: 'file', file, template, value });
        bundled.push([key, `${JSON.stringify(value, null, 2)}\n`]);
      }
    };

    for (const stream of plan.streams) {
      emit(`nats/streams/${stream.name}.json`, `${stream.name}.stream.json`, 'nats-stream.json.hbs', {
        name: stream.name,
        description: stream.description,
        subjects: stream.subjects,
        maxAgeNs: nanoseconds(stream.maxAgeMs),
        replicas: stream.replicas,
        duplicateWindowNs: nanoseconds(stream.duplicateWindowMs),
      });
    }
    for (const consumer of plan.consumers) {
      emit(`nats/consumers/${consumer.stream}/${consumer.name}.json`, `${consumer.stream}.${consumer.name}.consumer.json`, 'nats-consumer.json.hbs', {
        name: consumer.name,
        description: consumer.description,
        ackWaitNs: nanoseconds(consumer.ackWaitMs),
        maxDeliver: consumer.maxDeliver,
        backoffNs: consumer.backoffMs.length > 0 ? consumer.backoffMs.map(nanoseconds) : null,
        maxAckPending: consumer.maxAckPending,
      });
    }
    if (files.length === 0) return files;

    const data = Object.fromEntries(sortBy(bundled, ([key]) => key));
    const bundle = renderManifests(engine, { target: 'nats', file: 'nats/jetstream.yaml', template: 'nats-configmap.yaml.hbs' }, {
      name: `${system.name}-jetstream`,
      namespace: system.namespace,
      system: system.name,
      data,
    });
    return [...files, ...bundle];
  },
};
