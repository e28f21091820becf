// A deliberately broken spec in TypeScript: `npx hamesh validate examples/broken.ts` reports every
// mistake with its file:line:col. The editor shows the same mistakes as type errors (this file is excluded
// from the project's type check for that reason). The tests rely on each line below staying where it is.
import { defineSystem } from 'hamesh';

export default defineSystem({
  apiVersion: 'hamesh.dev/v1',
  kind: 'System',
  metadata: { name: 'shop' },
  services: {
    frontend: {
      image: 'ghcr.io/acme/frontend:1.0.0',
      tier: 'gold',
      replicaz: 3,
      calls: ['paymnts', 'cart'],
      timeout: '2 seconds',
    },
    cart: {
      image: 'ghcr.io/acme/cart:1.0.0',
      replicas: -1,
      profile: 'fast',
      disruption: { maxUnavailable: 1, minAvailable: 1 },
      versions: { v1: { weight: 80 }, v2: { weight: 10 } },
    },
    orders: {
      image: 'ghcr.io/acme/orders:1.0.0',
      publishes: ['order.craeted'],
      subscribes: {
        'payment.completed': { retry: { attempts: 3, backoff: 'linear', delay: '1s' } },
      },
    },
  },
  events: { 'order.created': { partitions: 0 } },
});
