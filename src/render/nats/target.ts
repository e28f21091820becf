import { pointer } from '../../diagnostics/diagnostic.js';
import type { NatsPermissionsContext, TemplateContexts, TemplateName } from '../contexts.js';
import { renderManifests } from '../engine.js';
import {
  natsConsumerFile,
  natsJetStreamBundleFile,
  natsPermissionsBundleFile,
  natsPermissionsFile,
  natsStreamFile,
} from '../layout.js';
import type { FileFormat, RenderedDocument, Target } from '../target.js';
import { jetStreamProblems } from './preflight.js';
import { nanoseconds } from './nanoseconds.js';
import { planNatsPermissions } from './permissions.js';
import { planJetStream } from './plan.js';
import { sortBy } from '../../util/order.js';

/**
 * JetStream StreamConfig/ConsumerConfig JSON files (apply them with any NATS client or the `nats` CLI) and a
 * ConfigMap bundling them. Durations are integer nanoseconds, as the JetStream API expects.
 */
export const natsTarget: Target = {
  name: 'nats',
  description:
    'NATS JetStream stream and consumer configs (JSON, plus a ConfigMap bundling them) and, with broker.auth, least-privilege publish/subscribe permissions per service',
  byDefault: (resolved) => resolved.system.broker.kind === 'nats' && resolved.system.events.length > 0,
  preflight: (resolved) => jetStreamProblems(planJetStream(resolved), resolved.system.events),
  render(resolved, { engine }) {
    const { system } = resolved;
    const plan = planJetStream(resolved);
    const files: RenderedDocument[] = [];
    /** ConfigMap key → JSON text; keys cannot contain '/', and stream and consumer names cannot contain '.'. */
    const bundled: Array<[string, string]> = [];
    const emit = <T extends TemplateName>(
      format: FileFormat,
      file: string,
      source: string,
      key: string,
      template: T,
      context: TemplateContexts[T],
    ) => {
      for (const value of engine.render(template, context)) {
        files.push({ target: 'nats', kind: 'file', format, file, template, value, source });
        bundled.push([key, `${JSON.stringify(value, null, 2)}\n`]);
      }
    };

    for (const stream of plan.streams) {
      emit(
        'jetstream-stream',
        natsStreamFile(stream.name),
        stream.path,
        `${stream.name}.stream.json`,
        'nats-stream.json.hbs',
        {
          name: stream.name,
          description: stream.description,
          subjects: stream.subjects,
          maxAgeNs: nanoseconds(stream.maxAgeMs),
          replicas: stream.replicas,
          duplicateWindowNs: nanoseconds(stream.duplicateWindowMs),
        },
      );
    }
    for (const consumer of plan.consumers) {
      emit(
        'jetstream-consumer',
        natsConsumerFile(consumer.stream, consumer.name),
        consumer.path,
        `${consumer.stream}.${consumer.name}.consumer.json`,
        'nats-consumer.json.hbs',
        {
          name: consumer.name,
          description: consumer.description,
          ackWaitNs: nanoseconds(consumer.ackWaitMs),
          maxDeliver: consumer.maxDeliver,
          backoffNs: consumer.backoffMs.length > 0 ? consumer.backoffMs.map(nanoseconds) : null,
          maxAckPending: consumer.maxAckPending,
        },
      );
    }
    if (files.length === 0) return files;

    const configMap = (file: string, source: string, name: string, namespace: string, data: Record<string, string>) =>
      renderManifests(
        engine,
        { target: 'nats', file, template: 'nats-configmap.yaml.hbs', source },
        { name, namespace, system: system.name, data },
      );
    const bundle = Object.fromEntries(sortBy(bundled, ([key]) => key));
    const documents = [
      ...files,
      ...configMap(natsJetStreamBundleFile, pointer('events'), `${system.name}-jetstream`, system.namespace, bundle),
    ];
    if (system.broker.auth === 'none') return documents;

    // The permissions belong to the NATS servers' configuration, so their ConfigMap goes to the broker's namespace.
    const template = 'nats-permissions.json.hbs';
    const context: NatsPermissionsContext = {
      users: planNatsPermissions(resolved, plan).map((user) => ({ ...user, service: user.service.name })),
    };
    for (const value of engine.render(template, context)) {
      const source = pointer('broker', 'auth');
      documents.push(
        {
          target: 'nats',
          kind: 'file',
          format: 'nats-permissions',
          file: natsPermissionsFile,
          template,
          value,
          source,
        },
        ...configMap(natsPermissionsBundleFile, source, `${system.name}-nats-permissions`, system.broker.namespace, {
          'permissions.json': `${JSON.stringify(value, null, 2)}\n`,
        }),
      );
    }
    return documents;
  },
};
