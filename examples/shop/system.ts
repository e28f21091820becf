import { defineSystem } from 'hamesh';

/**
 * An event-driven shop: the storefront calls cart, catalog and checkout synchronously; checkout takes
 * payment and publishes order.created, which inventory, shipping and notifications handle asynchronously.
 */
export default defineSystem({
  apiVersion: 'hamesh.dev/v1',
  kind: 'System',
  metadata: { name: 'shop', namespace: 'shop' },
  zones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
  broker: { kind: 'kafka', cluster: 'events', namespace: 'kafka', brokers: 3 },

  defaults: {
    resources: { cpu: '250m', memory: '256Mi' },
    probes: { readiness: '/healthz/ready', liveness: '/healthz/live' },
    circuitBreaker: { consecutiveErrors: 5, interval: '10s', baseEjectionTime: '30s', maxEjectionPercent: 50 },
  },

  profiles: {
    'critical-api': {
      autoscale: { min: 3, max: 12, cpuPercent: 70 },
      disruption: { maxUnavailable: 1 },
      loadBalancer: 'least-request',
      timeout: '2s',
      retries: { attempts: 1, perTryTimeout: '500ms', on: ['5xx', 'connect-failure', 'reset'] },
      failover: [{ from: 'eu-west-1', to: 'eu-central-1' }],
    },
    worker: {
      replicas: 2,
      retries: { attempts: 0 },
    },
  },

  services: {
    frontend: {
      image: 'ghcr.io/acme/shop-frontend:1.8.2',
      tier: 'critical',
      profile: 'critical-api',
      timeout: '5s',
      retries: { attempts: 1, perTryTimeout: '2s', on: ['5xx', 'connect-failure'] },
      // Two pods per zone: losing a zone leaves 4 × 300 rps, the whole peak, before the autoscaler reacts.
      autoscale: { min: 6, max: 18, cpuPercent: 60 },
      ingress: { hosts: ['shop.example.com'] },
      capacity: { peakRps: 1200, rpsPerReplica: 300 },
      slo: { availability: 99.9 },
      calls: ['cart', 'catalog', 'checkout', { service: 'recommendations', critical: false }],
    },
    cart: {
      image: 'ghcr.io/acme/shop-cart:2.3.0',
      tier: 'critical',
      profile: 'critical-api',
      loadBalancer: { consistentHash: { header: 'x-session-id' } },
      calls: ['cart-cache'],
    },
    'cart-cache': {
      image: 'docker.io/bitnami/redis:7.4', // runs as a non-root user, as the restricted securityContext requires
      tier: 'critical',
      port: 6379,
      protocol: 'tcp',
      replicas: 3,
      probes: { readiness: { tcp: true } }, // Redis speaks no HTTP: a connection check
    },
    catalog: {
      image: 'ghcr.io/acme/shop-catalog:4.0.1',
      protocol: 'grpc',
      port: 9090,
      probes: { readiness: 'grpc', liveness: 'grpc' },
      autoscale: { min: 2, max: 6 },
      timeout: '1s',
      retries: { attempts: 1, perTryTimeout: '400ms' },
      versions: { v1: { weight: 90 }, v2: { weight: 10, image: 'ghcr.io/acme/shop-catalog:4.1.0-rc.1' } },
    },
    checkout: {
      image: 'ghcr.io/acme/shop-checkout:3.2.0',
      tier: 'critical',
      profile: 'critical-api',
      calls: ['payments', 'cart'],
      publishes: ['order.created'],
    },
    payments: {
      image: 'ghcr.io/acme/shop-payments:5.0.4',
      tier: 'critical',
      replicas: 3,
      timeout: '1500ms',
      retries: { attempts: 1, perTryTimeout: '700ms', on: ['connect-failure', 'refused-stream'] },
      publishes: ['payment.completed'],
    },
    recommendations: {
      image: 'ghcr.io/acme/shop-recommendations:0.9.0',
      tier: 'best-effort',
      replicas: 1,
      spread: 'none',
    },
    inventory: {
      image: 'ghcr.io/acme/shop-inventory:1.4.0',
      profile: 'worker',
      subscribes: {
        'order.created': {
          retry: { attempts: 3, backoff: 'exponential', delay: '1s', maxDelay: '30s', jitter: true },
          deadLetter: true,
        },
      },
      publishes: ['inventory.reserved'],
    },
    shipping: {
      image: 'ghcr.io/acme/shop-shipping:2.0.0',
      profile: 'worker',
      subscribes: {
        'inventory.reserved': { retry: { attempts: 2, backoff: 'fixed', delay: '5s' }, deadLetter: true },
        'payment.completed': { retry: { attempts: 2, backoff: 'fixed', delay: '5s' }, deadLetter: true },
      },
      publishes: ['order.shipped'],
    },
    notifications: {
      image: 'ghcr.io/acme/shop-notifications:1.1.0',
      tier: 'best-effort',
      subscribes: {
        'order.shipped': {
          group: 'notifications-email',
          retry: { attempts: 5, backoff: 'exponential', delay: '2s', maxDelay: '1m' },
          deadLetter: true,
        },
        'order.created': { ordered: true },
      },
    },
  },

  events: {
    'order.created': {
      partitions: 6,
      key: 'orderId',
      retention: '7d',
      schema: {
        type: 'object',
        required: ['orderId', 'total'],
        properties: { orderId: { type: 'string' }, total: { type: 'number' } },
      },
    },
    'payment.completed': { partitions: 6, key: 'orderId' },
    'inventory.reserved': { partitions: 6, key: 'orderId' },
    'order.shipped': { partitions: 3, key: 'orderId', retention: '14d' },
  },
});
