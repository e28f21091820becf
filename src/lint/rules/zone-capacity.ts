import { codes } from '../../diagnostics/codes.js';
import { defineRule } from '../rule.js';
import { describeReplicas, minReplicas, replicasOrigin, zoneLoss } from '../replicas.js';

export const rule = defineRule({
  meta: codes.zoneCapacity,
  evaluate({ system, policy, report }) {
    for (const service of system.services) {
      const capacity = service.capacity;
      if (!capacity) continue;
      const replicas = minReplicas(service);
      const { zones, lost } = zoneLoss(system.zones, policy, service, replicas);
      const served = (replicas - lost) * capacity.rpsPerReplica;
      if (served >= capacity.peakRps) continue;
      const perZoneLoss =
        service.spread === 'zone'
          ? `the zone holding ${lost}`
          : `one zone, which may hold all of them (spread: ${service.spread})`;
      const needed = Math.ceil((Math.ceil(capacity.peakRps / capacity.rpsPerReplica) * zones) / (zones - 1));
      report({
        path: service.spread === 'zone' ? replicasOrigin(service) : service.origin.spread,
        subject: service.path,
        message:
          `'${service.name}' ${service.autoscale ? 'may run only' : 'runs'} ${describeReplicas(replicas, service)}${service.autoscale ? ' when a zone is lost (its autoscaler adds pods only later)' : ''}; after losing ${perZoneLoss}, ${replicas - lost} × ${capacity.rpsPerReplica} rps = ${served} rps < peakRps ${capacity.peakRps}` +
          (zones > 1 ? ` (needs ${describeReplicas(needed, service)} over ${zones} zones)` : ''),
      });
    }
  },
});
