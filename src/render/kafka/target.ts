import type { TemplateContexts, TemplateName } from '../contexts.js';
import { renderManifests } from '../engine.js';
import { kafkaTopicsFile, kafkaUsersFile, retryPlanFile } from '../layout.js';
import type { RenderedDocument, Target } from '../target.js';
import { topicNameProblems, userNameProblems } from './preflight.js';
import { topicResourceName } from './names.js';
import { retryPlanDocument } from './retry-plan.js';
import { planSubscriptions, planTopics } from './topics.js';
import { planKafkaUsers } from './users.js';

/** Strimzi KafkaTopics for every event plus retry and dead-letter topics, and a retry plan per subscribing service. */
export const kafkaTarget: Target = {
  name: 'kafka',
  description:
    'Strimzi KafkaTopics (events, retry and dead-letter topics), a retry-plan ConfigMap per subscribing service and, with broker.auth, a least-privilege KafkaUser per publishing or subscribing service',
  byDefault: (resolved) => resolved.system.broker.kind === 'kafka' && resolved.system.events.length > 0,
  preflight: (resolved) => {
    const subscriptions = planSubscriptions(resolved);
    return [
      ...topicNameProblems(planTopics(resolved, subscriptions)),
      ...userNameProblems(resolved.system.broker.auth, planKafkaUsers(resolved, subscriptions)),
    ];
  },
  render(resolved, { engine }) {
    const { system } = resolved;
    const subscriptions = planSubscriptions(resolved);
    const documents: RenderedDocument[] = [];
    const emit = <T extends TemplateName>(file: string, source: string, template: T, context: TemplateContexts[T]) =>
      documents.push(...renderManifests(engine, { target: 'kafka', file, template, source }, context));

    // A cluster hamesh does not operate (broker.operator: none) gets no Strimzi objects.
    const strimzi = system.broker.operator === 'strimzi';
    for (const topic of strimzi ? planTopics(resolved, subscriptions) : []) {
      const { event } = topic;
      emit(kafkaTopicsFile, topic.path, 'kafkatopic.yaml.hbs', {
        apiVersion: system.broker.topicApiVersion,
        resourceName: topicResourceName(topic.name),
        namespace: system.broker.namespace,
        cluster: system.broker.cluster,
        system: system.name,
        topicName: topic.name,
        partitions: event.partitions,
        replicas: event.replication,
        // Retry and dead-letter topics hold individual failed records: compacting them would drop some.
        cleanupPolicy: topic.role === 'event' && event.compacted ? 'compact' : 'delete',
        minInSync: event.minInSync,
        retentionMs: event.retentionMs,
      });
    }

    if (strimzi && system.broker.auth !== 'none') {
      for (const user of planKafkaUsers(resolved, subscriptions)) {
        emit(kafkaUsersFile, user.service.path, 'kafkauser.yaml.hbs', {
          apiVersion: system.broker.topicApiVersion,
          name: user.name,
          namespace: system.broker.namespace,
          cluster: system.broker.cluster,
          service: user.service.name,
          system: system.name,
          authentication: system.broker.auth,
          acls: user.acls,
        });
      }
    }

    for (const service of system.services) {
      const plans = subscriptions.filter((plan) => plan.service === service);
      if (plans.length === 0) continue;
      const plan = retryPlanDocument(service.name, plans);
      emit(retryPlanFile(service.name), service.path, 'retry-plan-configmap.yaml.hbs', {
        name: `${service.name}-retry-plan`,
        namespace: system.namespace,
        service: service.name,
        system: system.name,
        plan,
        planJson: `${JSON.stringify(plan, null, 2)}\n`,
      });
    }
    return documents;
  },
};
