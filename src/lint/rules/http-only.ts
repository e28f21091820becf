import { codes } from '../../diagnostics/codes.js';
import { externalHttp } from '../../normalize/istio.js';
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
    // An external's timeout and retries go into a VirtualService route, which only its http and grpc ports get.
    for (const external of system.externals) {
      if (externalHttp(external)) continue;
      const protocols = [...new Set(external.ports.map((p) => p.protocol))].join(', ');
      for (const [field, set] of [
        ['timeout', external.timeoutMs !== undefined],
        ['retries', external.retries !== undefined],
      ] as const) {
        if (set)
          report({
            path: `${external.path}/${field}`,
            message: `has no effect: '${external.name}' has no http or grpc port (its ports are ${protocols}), and Istio applies it to HTTP and gRPC traffic only`,
          });
      }
    }
  },
});
