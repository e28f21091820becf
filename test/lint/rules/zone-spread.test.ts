import { ruleTester } from '../helpers.js';

const image = 'example/app:1';
const zones = ['z1', 'z2', 'z3'];

ruleTester('zone-spread', {
  valid: [
    {
      name: 'critical service over 3 listed zones',
      spec: { zones, services: { a: { image, tier: 'critical', replicas: 3 } } },
    },
    { name: 'zones not listed (unknown)', spec: { services: { a: { image, tier: 'critical', replicas: 3 } } } },
    {
      name: 'best-effort service without spreading',
      spec: { zones: ['z1'], services: { a: { image, tier: 'best-effort', spread: 'none' } } },
    },
  ],
  invalid: [
    {
      name: 'standard service spread over nodes only',
      spec: { zones, services: { a: { image, spread: 'node' } } },
      findings: [
        { path: '/services/a/spread', message: "has spread 'node', but standard services must spread over 2 zones" },
      ],
    },
    {
      name: 'spread from defaults',
      spec: { defaults: { spread: 'none' }, services: { a: { image } } },
      findings: [{ path: '/defaults/spread' }],
    },
    {
      name: "fewer replicas than the tier's zones",
      spec: {
        zones: ['z1', 'z2', 'z3', 'z4'],
        services: { a: { image, tier: 'critical', replicas: 3 } },
        policy: { tiers: { critical: { minZones: 4 } } },
      },
      findings: [{ path: '/services/a/replicas', message: 'fewer than the 4 zones' }],
    },
    {
      name: 'the system lists fewer zones than critical services need',
      spec: {
        zones: ['z1', 'z2'],
        services: { a: { image, tier: 'critical', replicas: 3 }, b: { image, tier: 'critical', replicas: 3 } },
      },
      findings: [{ path: '/zones', message: "lists 2 zone(s), but critical services ('a' and 'b') need 3" }],
    },
  ],
});
