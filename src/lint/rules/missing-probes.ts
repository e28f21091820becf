import { defineRule } from '../rule.js';
import { tierPolicy } from '../facts.js';

export const rule = defineRule({
  meta: {
    id: 'missing-probes',
    severity: 'warning',
    description: 'A service has no readiness probe (an error when its tier sets requireProbes).',
    rationale:
      'Without a readiness probe Kubernetes sends traffic to a pod as soon as its container starts and keeps sending it to a pod ' +
      'that can no longer serve, so every rollout and every hung pod turns into failed requests.',
    fix: 'Set `probes.readiness` to an HTTP path (e.g. /healthz/ready) or `grpc`, in the service, its profile or `defaults`.',
  },
  check({ system, policy, report }) {
    for (const service of system.services) {
      if (service.probes.readiness !== undefined) continue;
      const required = tierPolicy(policy, service).requireProbes;
      report({
        path: service.origin.probes,
        subject: service.path,
        severity: required ? 'error' : 'warning',
        message: `'${service.name}' has no readiness probe${required ? ` (required for ${service.tier} services)` : ''}`,
      });
    }
  },
});
