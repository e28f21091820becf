import { defineSystem } from 'hamesh';

/**
 * Istio's Bookinfo sample (https://istio.io/latest/docs/examples/bookinfo/) and its traffic-management tasks:
 * the ingress gateway with the product page's paths, reviews shifted 80/20 between v1 and v2, the user `jason`
 * routed to reviews v2, and a 7 s delay injected into jason's calls to ratings (the fault-injection task; its
 * abort variant is `fault: { abort: { status: 500 } }`). Every service serves HTTP on 9080, like upstream.
 */
const image = (name: string) => `docker.io/istio/examples-bookinfo-${name}:1.20.3`;

export default defineSystem({
  apiVersion: 'hamesh.dev/v1',
  kind: 'System',
  metadata: { name: 'bookinfo', namespace: 'bookinfo' },
  zones: ['zone-a', 'zone-b'],

  defaults: {
    probes: { readiness: '/health' },
    resources: { cpu: '100m', memory: '128Mi' },
  },

  services: {
    productpage: {
      image: image('productpage-v1'),
      port: 9080,
      versions: { v1: { weight: 100 } },
      ingress: {
        hosts: ['*'],
        paths: [
          { exact: '/productpage' },
          { prefix: '/static' },
          { exact: '/login' },
          { exact: '/logout' },
          { prefix: '/api/v1/products' },
        ],
      },
      calls: ['details', 'reviews'],
    },
    details: {
      image: image('details-v1'),
      port: 9080,
      versions: { v1: { weight: 100 }, v2: { weight: 0, image: image('details-v2') } },
    },
    reviews: {
      image: image('reviews-v1'),
      port: 9080,
      versions: {
        v1: { weight: 80 },
        v2: { weight: 20, image: image('reviews-v2') },
        v3: { weight: 0, image: image('reviews-v3') },
      },
      routes: [{ name: 'jason', match: { headers: { 'end-user': { exact: 'jason' } } }, to: 'v2' }],
      calls: ['ratings'],
    },
    ratings: {
      image: image('ratings-v1'),
      port: 9080,
      versions: {
        v1: { weight: 100 },
        v2: { weight: 0, image: image('ratings-v2') },
        'v2-mysql': { weight: 0, image: image('ratings-v2') },
        'v2-mysql-vm': { weight: 0, image: image('ratings-v2') },
      },
      routes: [
        {
          name: 'jason-delay',
          match: { headers: { 'end-user': { exact: 'jason' } } },
          fault: { delay: { fixed: '7s' } },
          to: 'v1',
        },
      ],
    },
  },
});
