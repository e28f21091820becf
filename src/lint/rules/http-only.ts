import { codes } from '../../diagnostics/codes.js';
import { defineRule } from '../rule.js';

export const rule = defineRule({
  meta: codes.httpOnly,
  evaluate({ system, report }) {
    for (const service of system.services) {
      const exposed = service.ports.filter((port) => port.expose);
      // Workers (no mesh port) are no-mesh-route's; HTTP settings apply as soon as one HTTP or gRPC port is exposed.
      if (
        !exposed.some((port) => port.protocol !== 'udp') ||
        exposed.some((port) => port.protocol === 'http' || port.protocol === 'grpc')
      )
        continue;
      // Only the service's own settings: a profile's or `defaults`' value may be meant for its http services.
      const own = (field: 'timeout' | 'retries' | 'loadBalancer') =>
        service.origin[field] === `${service.path}/${field}`;
      const hash = typeof service.loadBalancer === 'object' ? service.loadBalancer.consistentHash : {};
      const ignored = [
        ['timeout', own('timeout') && service.timeoutMs !== undefined],
        ['retries', own('retries') && service.retries !== undefined],
        ['loadBalancer/consistentHash/header', own('loadBalancer') && hash.header !== undefined],
        ['loadBalancer/consistentHash/cookie', own('loadBalancer') && hash.cookie !== undefined],
      ] as const;
      for (const [field, set] of ignored) {
        if (set)
          report({
            path: `${service.path}/${field}`,
            message:
              'has no effect without an exposed HTTP or gRPC port: Istio applies it to HTTP and gRPC traffic only',
          });
      }
    }
  },
});
