import { ruleTester } from '../helpers.js';

const image = 'example/app:1';
const zones = ['z1', 'z2', 'z3'];

ruleTester('zone-capacity', {
  valid: [
    {
      name: '6 replicas over 3 zones keep 4 × 200 = 800 rps',
      spec: { zones, services: { a: { image, replicas: 6, capacity: { peakRps: 800, rpsPerReplica: 200 } } } },
    },
    {
      name: 'an autoscaler whose floor carries the load after a zone loss',
      spec: {
        zones,
        services: { a: { image, autoscale: { min: 9, max: 12 }, capacity: { peakRps: 1200, rpsPerReplica: 200 } } },
      },
    },
    { name: 'no capacity given', spec: { zones, services: { a: { image, replicas: 1, tier: 'best-effort' } } } },
  ],
  invalid: [
    {
      name: '3 replicas over 3 zones for 1200 rps at 200 each',
      spec: { zones, services: { a: { image, replicas: 3, capacity: { peakRps: 1200, rpsPerReplica: 200 } } } },
      findings: [
        {
          path: '/services/a/replicas',
          severity: 'error',
          message: '2 × 200 rps = 400 rps < peakRps 1200 (needs 9 replicas over 3 zones)',
        },
      ],
    },
    {
      name: 'without zone spreading one zone may hold every replica',
      spec: {
        zones,
        services: { a: { image, replicas: 6, spread: 'node', capacity: { peakRps: 100, rpsPerReplica: 200 } } },
      },
      findings: [{ path: '/services/a/spread', message: 'which may hold all of them (spread: node)' }],
    },
    {
      name: "zones not listed: the tier's minZones",
      spec: {
        services: { a: { image, autoscale: { min: 2, max: 2 }, capacity: { peakRps: 150, rpsPerReplica: 100 } } },
      },
      findings: [
        {
          path: '/services/a/autoscale',
          message:
            '2 replicas (autoscale.min) when a zone is lost (its autoscaler adds pods only later); after losing the zone holding 1',
        },
      ],
    },
    {
      name: 'an autoscaler counts its floor (autoscale.min), not what it may reach later',
      spec: {
        zones,
        services: { a: { image, autoscale: { min: 3, max: 12 }, capacity: { peakRps: 1200, rpsPerReplica: 200 } } },
      },
      findings: [
        {
          path: '/services/a/autoscale',
          severity: 'error',
          message:
            "'a' may run only 3 replicas (autoscale.min) when a zone is lost (its autoscaler adds pods only later); after losing the zone holding 1, 2 × 200 rps = 400 rps < peakRps 1200 (needs 9 replicas (autoscale.min) over 3 zones)",
        },
      ],
    },
  ],
});
