import { codes } from '../../diagnostics/codes.js';
import type { Tier } from '../../spec/schema.generated.js';
import { defineRule } from '../rule.js';
import { describeReplicas, minReplicas, replicasOrigin } from '../replicas.js';
import { listNames } from '../../util/list-names.js';
import { tierPolicy } from '../tiers.js';

export const rule = defineRule({
  meta: codes.zoneSpread,
  evaluate({ system, policy, report }) {
    const short = new Map<Tier, string[]>();
    for (const service of system.services) {
      const minZones = tierPolicy(policy, service).minZones;
      if (minZones <= 1) continue;
      if (service.spread !== 'zone') {
        report({
          path: service.origin.spread,
          subject: service.path,
          message: `'${service.name}' has spread '${service.spread}', but ${service.tier} services must spread over ${minZones} zones (spread: zone)`,
        });
      } else if (minReplicas(service) < minZones) {
        report({
          path: replicasOrigin(service),
          subject: service.path,
          message: `'${service.name}' runs ${describeReplicas(minReplicas(service), service)}, fewer than the ${minZones} zones ${service.tier} services must cover`,
        });
      }
      if (system.zones.length > 0 && system.zones.length < minZones)
        short.set(service.tier, [...(short.get(service.tier) ?? []), service.name]);
    }
    for (const [tier, names] of short) {
      report({
        path: '/zones',
        message: `lists ${system.zones.length} zone(s), but ${tier} services (${listNames(names)}) need ${policy.tiers[tier].minZones}`,
      });
    }
  },
});
