import { codes } from '../../diagnostics/codes.js';
import { meshTraffic } from '../../normalize/ports.js';
import { defineRule } from '../rule.js';

/** The service's mesh traffic settings, as they are named in the spec. */
const meshFields = ['timeout', 'retries', 'loadBalancer', 'circuitBreaker', 'failover'] as const;

export const rule = defineRule({
  meta: codes.noMeshRoute,
  evaluate({ system, report }) {
    for (const service of system.services) {
      const { http, tcp } = meshTraffic(service);
      if (http || tcp) continue;
      for (const field of meshFields) {
        // Reported where the service sets it; a profile or `defaults` also serves services the mesh reaches.
        const path = `${service.path}/${field}`;
        if (service.origin[field] !== path) continue;
        report({
          path,
          message: `has no effect: '${service.name}' exposes no TCP, HTTP or gRPC port, so no traffic reaches it through the mesh`,
        });
      }
    }
  },
});
