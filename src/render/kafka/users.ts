import type { NormalizedService } from '../../normalize/model.js';
import type { ResolvedSystem } from '../../resolve/resolve.js';
import { sortBy } from '../../util/order.js';
import type { SubscriptionPlan } from './topics.js';

/** The Kafka operations hamesh grants, in the order they are written. */
const operationOrder = ['Read', 'Write', 'Describe'] as const;
export type AclOperation = (typeof operationOrder)[number];

/** One `authorization.acls` entry: a literal topic or consumer group and what the user may do with it. */
export interface AclPlan {
  type: 'topic' | 'group';
  name: string;
  operations: AclOperation[];
}

/** The Strimzi KafkaUser of one publishing or subscribing service. */
export interface KafkaUserPlan {
  service: NormalizedService;
  /** `metadata.name`: also the SCRAM username and the name of the Secret Strimzi creates with the credentials. */
  name: string;
  acls: AclPlan[];
}

/**
 * The KafkaUser name of a service: prefixed with the system, because a broker namespace is often shared by
 * several systems and a KafkaUser of the same name would silently take over another system's ACLs.
 */
export const kafkaUserName = (system: string, service: string) => `${system}-${service}`;

/**
 * Least privilege from the graph, per service: `Write`+`Describe` on each topic it publishes; `Read`+`Describe`
 * on each topic it subscribes to and `Read` on that subscription's consumer group; `Write`+`Read` on its own
 * retry and dead-letter topics (it moves failed records there and consumes the retries). Literal names only.
 */
export function planKafkaUsers(resolved: ResolvedSystem, subscriptions: readonly SubscriptionPlan[]): KafkaUserPlan[] {
  const users: KafkaUserPlan[] = [];
  for (const service of resolved.system.services) {
    const grants = new Map<string, AclPlan>();
    const grant = (type: AclPlan['type'], name: string, ...operations: AclOperation[]) => {
      const key = `${type}:${name}`;
      const acl = grants.get(key) ?? { type, name, operations: [] };
      acl.operations = operationOrder.filter((op) => acl.operations.includes(op) || operations.includes(op));
      grants.set(key, acl);
    };
    for (const event of service.publishes) grant('topic', event, 'Write', 'Describe');
    for (const plan of subscriptions.filter((p) => p.service === service)) {
      grant('topic', plan.event.name, 'Read', 'Describe');
      grant('group', plan.subscription.group, 'Read');
      for (const step of plan.retries) grant('topic', step.topic, 'Write', 'Read');
      if (plan.deadLetterTopic) grant('topic', plan.deadLetterTopic, 'Write', 'Read');
    }
    if (grants.size === 0) continue;
    const acls = sortBy([...grants.values()], (acl) => `${acl.type === 'topic' ? 0 : 1}:${acl.name}`);
    users.push({ service, name: kafkaUserName(resolved.system.name, service.name), acls });
  }
  return users;
}
