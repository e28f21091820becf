import { codes } from '../../diagnostics/codes.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { collisions } from '../broker/collisions.js';
import { metricName, resourceNameProblem, topicNameProblem, topicResourceName } from './names.js';
import type { TopicPlan } from './topics.js';
import type { KafkaUserPlan } from './users.js';

const describe = (topic: TopicPlan) => `${topic.role === 'event' ? 'topic' : `${topic.role} topic`} '${topic.name}'`;

/** Topic names Kafka would reject, and topics that collide as topics, in metric names or as KafkaTopic names. */
export function topicNameProblems(topics: readonly TopicPlan[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (path: string, message: string) =>
    out.push({ rule: codes.topicName.id, severity: 'error', message, path });
  for (const topic of topics) {
    const problem = topicNameProblem(topic.name) ?? resourceNameProblem(topicResourceName(topic.name));
    if (problem) report(topic.path, `${describe(topic)} ${problem}; shorten or rename the event or consumer group`);
  }
  // Equal names or metric names also map to equal resource names, so one pass finds every kind of collision.
  for (const [first, later] of collisions(topics, topicResourceName)) {
    const reason =
      first.name === later.name
        ? 'is the same topic as'
        : metricName(first.name) === metricName(later.name)
          ? `has the same Kafka metric name ('${metricName(later.name)}') as`
          : `maps to the same KafkaTopic name '${topicResourceName(later.name)}' as`;
    report(
      later.path,
      `${describe(later)} ${reason} ${describe(first)} (from ${first.path}); rename the event or consumer group`,
    );
  }
  return out;
}

/** An X.509 common name holds at most 64 characters, and Strimzi puts a tls user's name into its certificate's CN. */
const maxCommonNameLength = 64;

/** KafkaUser names Kubernetes or, for `tls` users, a certificate cannot hold. */
export function userNameProblems(
  auth: 'none' | 'scram-sha-512' | 'tls',
  users: readonly KafkaUserPlan[],
): Diagnostic[] {
  if (auth === 'none') return [];
  return users.flatMap((user) => {
    const problem =
      resourceNameProblem(user.name) ??
      (auth === 'tls' && user.name.length > maxCommonNameLength
        ? `is ${user.name.length} characters long, but a tls user's name is its certificate's CN (at most ${maxCommonNameLength})`
        : undefined);
    if (!problem) return [];
    const message = `KafkaUser '${user.name}' of service '${user.service.name}' ${problem}; shorten the system or service name`;
    return [{ rule: codes.kafkaUserName.id, severity: 'error' as const, message, path: user.service.path }];
  });
}
