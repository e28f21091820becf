import { codes } from '../../diagnostics/codes.js';
import { defineRule } from '../rule.js';
import { listNames } from '../../util/list-names.js';
import { maxReplicas } from '../replicas.js';

export const rule = defineRule({
  meta: codes.partitionsBelowConsumers,
  evaluate({ system, resolved, report }) {
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
