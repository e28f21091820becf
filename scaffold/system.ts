import { defineSystem } from 'hamesh';

/**
 * A hamesh spec (written by `hamesh init`): services, the events between them and their HA settings.
 *   hamesh lint    single points of failure, against hamesh.policy.yaml
 *   hamesh build   the manifests, into deploy/ (hamesh.config.yaml says where)
 * With hamesh installed (`npm install --save-dev hamesh`), your editor checks every name and field as you type.
 */
export default defineSystem({
  apiVersion: 'hamesh.dev/v1',
  kind: 'System',
  metadata: { name: 'my-system', namespace: 'my-system' },
  zones: ['zone-a', 'zone-b', 'zone-c'], // your cluster's topology.kubernetes.io/zone values
  broker: { kind: 'kafka', cluster: 'events', namespace: 'kafka', brokers: 3 }, // Strimzi; or 'nats' for JetStream

  defaults: {
    replicas: 3,
    resources: { cpu: '100m', memory: '128Mi' },
    probes: { readiness: '/healthz/ready', liveness: '/healthz/live' },
    circuitBreaker: { consecutiveErrors: 5, interval: '10s', baseEjectionTime: '30s', maxEjectionPercent: 50 },
    retries: { attempts: 0 },
  },

  services: {
    web: {
      image: 'ghcr.io/example/web:1.0.0',
      tier: 'critical',
      ingress: { hosts: ['app.example.com'] },
      timeout: '3s',
      retries: { attempts: 1, perTryTimeout: '1s', on: ['5xx', 'connect-failure'] },
      calls: ['orders'],
    },
    orders: {
      image: 'ghcr.io/example/orders:1.0.0',
      tier: 'critical',
      timeout: '1s',
      publishes: ['order.placed'],
    },
    mailer: {
      image: 'ghcr.io/example/mailer:1.0.0',
      tier: 'standard',
      replicas: 2,
      subscribes: {
        'order.placed': {
          retry: { attempts: 3, backoff: 'exponential', delay: '1s', maxDelay: '30s' },
          deadLetter: true,
        },
      },
    },
  },

  events: {
    'order.placed': { partitions: 6, key: 'orderId' },
  },
});
