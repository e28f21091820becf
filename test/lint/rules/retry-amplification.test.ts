import { ruleTester } from '../helpers.js';

const image = 'example/app:1';
const https = { https: { port: 443, protocol: 'https' as const } };
const http = { http: { port: 80, protocol: 'http' as const } };
const none = { attempts: 0 };

/** `count` services, each calling the next, all with Istio's implicit retries (3 tries). */
function chain(count: number): Record<string, { image: string; calls?: string[] }> {
  const name = (i: number) => `s${String(i).padStart(3, '0')}`;
  return Object.fromEntries(
    Array.from({ length: count }, (_, i) => [name(i), { image, ...(i + 1 < count ? { calls: [name(i + 1)] } : {}) }]),
  );
}

ruleTester('retry-amplification', {
  valid: [
    {
      name: 'retries at the edge only',
      spec: {
        services: {
          a: { image, retries: { attempts: 3 }, calls: ['b'] },
          b: { image, retries: none, calls: ['c'] },
          c: { image, retries: none },
        },
      },
    },
    {
      name: "two hops of Istio's implicit retries (3 × 3 = 9)",
      spec: { services: { a: { image, calls: ['b'] }, b: { image } } },
    },
    {
      name: 'a tcp service: Istio does not retry TCP routes, so its retries do not multiply (3 × 3 × 1)',
      spec: {
        services: {
          a: { image, calls: ['b'] },
          b: { image, calls: ['c'] },
          c: { image, protocol: 'tcp', port: 6379, retries: { attempts: 4 } },
        },
      },
    },
    {
      name: 'a raised max',
      spec: {
        services: { a: { image, calls: ['b'] }, b: { image, calls: ['c'] }, c: { image } },
        policy: { rules: { 'retry-amplification': { severity: 'warning', max: 30 } } },
      },
    },
    {
      name: 'an https external is not retried by the mesh (2 × 3 × 1)',
      spec: {
        services: { a: { image, retries: { attempts: 1 }, calls: ['b'] }, b: { image, calls: ['api'] } },
        externals: { api: { hosts: ['api.example.com'], ports: https } },
      },
    },
  ],
  invalid: [
    {
      name: "an HTTP external multiplies with Istio's implicit retries (2 × 3 × 3)",
      spec: {
        services: { a: { image, retries: { attempts: 1 }, calls: ['b'] }, b: { image, calls: ['api'] } },
        externals: { api: { hosts: ['api.example.com'], ports: http } },
      },
      findings: [
        {
          path: '/services/b',
          message: "one request to 'a' can become 18 tries at 'api' (max 10): a (2) → b (3) → api (3)",
        },
      ],
    },
    {
      name: 'a 700-hop chain: the count overflows a double, so the message gives its order of magnitude and the ends of the path',
      spec: { services: chain(700) },
      findings: [
        {
          path: '/services/s000',
          severity: 'warning',
          message:
            "one request to 's000' can become more than 10^333 tries at 's699' (max 10): " +
            [
              ...Array.from({ length: 10 }, (_, i) => `s${String(i).padStart(3, '0')} (3)`),
              '… 688 more …',
              's698 (3)',
              's699 (3)',
            ].join(' → '),
        },
      ],
    },
    {
      name: "three hops of Istio's implicit retries",
      spec: { services: { a: { image, calls: ['b'] }, b: { image, calls: ['c'] }, c: { image } } },
      findings: [
        {
          path: '/services/a',
          severity: 'warning',
          message: "one request to 'a' can become 27 tries at 'c' (max 10): a (3) → b (3) → c (3)",
        },
      ],
    },
    {
      name: 'a lowered max, pointing at the largest retries on the path',
      spec: {
        services: { a: { image, retries: { attempts: 1 }, calls: ['b'] }, b: { image, retries: { attempts: 2 } } },
        policy: { rules: { 'retry-amplification': { severity: 'error', max: 5 } } },
      },
      findings: [{ path: '/services/b/retries', severity: 'error', message: '6 tries' }],
    },
    {
      name: 'reported once, from the outermost caller, along the worst path',
      spec: {
        services: {
          x: { image, retries: { attempts: 1 }, calls: ['a', 'y'] },
          a: { image, calls: ['b'] },
          b: { image, retries: { attempts: 4 } },
          y: { image, retries: none },
        },
      },
      findings: [
        {
          path: '/services/b/retries',
          message: "one request to 'x' can become 30 tries at 'b' (max 10): x (2) → a (3) → b (5)",
        },
      ],
    },
    {
      name: 'a tcp service on the path counts as 1 try, and the finding points at the retries that do multiply',
      spec: {
        services: {
          a: { image, retries: { attempts: 4 }, calls: ['b'] },
          b: { image, retries: { attempts: 2 }, calls: ['c'] },
          c: { image, protocol: 'tcp', port: 6379, retries: { attempts: 4 } },
        },
      },
      findings: [
        {
          path: '/services/a/retries',
          message: "one request to 'a' can become 15 tries at 'c' (max 10): a (5) → b (3) → c (1)",
        },
      ],
    },
    {
      name: 'a cycle counts each service once',
      spec: { services: { a: { image, calls: ['b'] }, b: { image, calls: ['a', 'c'] }, c: { image } } },
      findings: [{ path: '/services/a', message: 'a (3) → b (3) → c (3)' }],
    },
  ],
});
