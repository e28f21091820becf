import { defineRule } from '../rule.js';
import { listNames, maxReplicas } from '../facts.js';

export const rule = defineRule({
  meta: {
    id: 'partitions-below-consumers',
    severity: 'warning',
    description: "A consumer group can run more consumers (replicas × versions), or a subscription's autoscale.max asks for more, than the event has partitions (Kafka).",
    rationale:
      'Kafka gives each partition to one consumer of a group, so consumers beyond the partition count sit idle: scaling the ' +
      'subscriber up (by hand or by its autoscaler) adds no throughput. A service with `versions` runs one Deployment per version, ' +
      'each with the full replica count, all in the same group. A subscription\'s lag `autoscale.max` above the partitions is capped at them ' +
      'in the KEDA ScaledObject, so the spec promises replicas that never come. JetStream (broker kind nats) has no partitions, so the rule skips it.',
    fix: "Raise the event's `partitions` to at least the group's most replicas (autoscale.max, times the number of versions), or lower the subscriber's replicas or its subscription's autoscale.max.",
  },
  check({ system, resolved, report }) {
    if (system.broker.kind !== 'kafka') return;
    for (const event of system.events) {
      const groups = new Map<string, { consumers: number; services: string[] }>();
      for (const { service, subscription } of resolved.subscribers(event.name)) {
        const asked = subscription.autoscale?.max;
        if (asked !== undefined && asked > event.partitions) {
          report({
            path: `${subscription.path}/autoscale/max`,
            message: `'${service.name}' may autoscale to ${asked} replicas on '${event.name}', which has ${event.partitions} partitions: its ScaledObject stops at ${event.partitions}, as more consumers would sit idle`,
          });
        }
        const group = groups.get(subscription.group) ?? { consumers: 0, services: [] };
        group.consumers += maxReplicas(service) * Math.max(1, service.versions.length);
        group.services.push(service.name);
        groups.set(subscription.group, group);
      }
      for (const [name, { consumers, services }] of groups) {
        if (consumers <= event.partitions) continue;
        report({
          path: `${event.path}/partitions`,
          message: `consumer group '${name}' (${listNames(services)}) can run ${consumers} consumers, but '${event.name}' has ${event.partitions} partitions, so ${consumers - event.partitions} would sit idle`,
        });
      }
    }
  },
});
