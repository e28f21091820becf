import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../src/load/load.js';
import { build } from '../../src/pipeline.js';
import { runCli } from '../helpers/cli.js';
import { target } from '../helpers/render.js';
import { specFile, system } from '../helpers/spec.js';

const image = 'ghcr.io/acme/app:1.0.0';

/** `build` with the given targets, verified strictly; the rendered values, or the findings when it stops. */
async function built(spec: object | string, targets = ['ingress']) {
  const file = typeof spec === 'string' ? spec : specFile(spec);
  const result = await build(file, { verify: true, lint: 'off', targets: targets.map(target) });
  return {
    values: (result.documents ?? []).map((d) => d.value as Record<string, any>),
    diagnostics: result.diagnostics.filter((d) => d.severity === 'error'),
  };
}

describe('--target ingress', () => {
  it("builds examples/shared-host to one Ingress like the seed's: example.com, /service1 and /service2 by prefix", async () => {
    const { values, diagnostics } = await built('examples/shared-host/system.yaml');
    expect(diagnostics).toEqual([]);
    expect(values).toEqual([
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'Ingress',
        metadata: {
          name: 'example.com',
          namespace: 'example',
          labels: { 'app.kubernetes.io/part-of': 'example', 'app.kubernetes.io/managed-by': 'hamesh' },
        },
        spec: {
          ingressClassName: 'istio',
          rules: [
            {
              host: 'example.com',
              http: {
                paths: [
                  {
                    path: '/service1',
                    pathType: 'Prefix',
                    backend: { service: { name: 'service1', port: { number: 80 } } },
                  },
                  {
                    path: '/service2',
                    pathType: 'Prefix',
                    backend: { service: { name: 'service2', port: { number: 80 } } },
                  },
                ],
              },
            },
          ],
        },
      },
    ]);
  });

  it('orders exact, longest prefix, catch-all; takes className and TLS; a "*" host has no host field', async () => {
    const { values, diagnostics } = await built(
      system({
        web: {
          image,
          ingress: {
            hosts: ['shop.example.com', '*'],
            tls: { credentialName: 'shop-cert' },
            className: 'istio-public',
          },
        },
        api: {
          image,
          port: 9090,
          ingress: {
            hosts: ['shop.example.com'],
            paths: [{ prefix: '/api' }, { exact: '/health' }],
            tls: { credentialName: 'shop-cert' },
            className: 'istio-public',
          },
        },
        admin: {
          image,
          ingress: {
            hosts: ['shop.example.com'],
            paths: [{ prefix: '/api/admin' }],
            tls: { credentialName: 'shop-cert' },
            className: 'istio-public',
          },
        },
      }),
    );
    expect(diagnostics).toEqual([]);
    const [any, shop] = values;
    expect(shop!.metadata.name).toBe('shop.example.com');
    expect(shop!.spec).toEqual({
      ingressClassName: 'istio-public',
      tls: [{ hosts: ['shop.example.com'], secretName: 'shop-cert' }],
      rules: [
        {
          host: 'shop.example.com',
          http: {
            paths: [
              { path: '/health', pathType: 'Exact', backend: { service: { name: 'api', port: { number: 9090 } } } },
              {
                path: '/api/admin',
                pathType: 'Prefix',
                backend: { service: { name: 'admin', port: { number: 8080 } } },
              },
              { path: '/api', pathType: 'Prefix', backend: { service: { name: 'api', port: { number: 9090 } } } },
              { path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 8080 } } } },
            ],
          },
        },
      ],
    });
    expect(any!.metadata.name).toBe('wildcard');
    expect(any!.spec.tls).toEqual([{ secretName: 'shop-cert' }]);
    expect(any!.spec.rules).toEqual([
      {
        http: {
          paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 8080 } } } }],
        },
      },
    ]);
  });

  it('refuses, alone, what an Ingress cannot carry, naming the feature at its value; with the istio target the VirtualServices carry it', async () => {
    const spec = system(
      {
        web: {
          image,
          timeout: '2s',
          versions: { v1: { weight: 90 }, v2: { weight: 10 } },
          routes: [{ match: { headers: { 'end-user': { exact: 'jason' } } }, to: 'v2' }],
          ingress: { hosts: ['example.com'] },
        },
        api: { image, ingress: { hosts: ['example.com'], paths: [{ prefix: '/api' }] } },
      },
      { defaults: { retries: { attempts: 1 } } },
    );
    const alone = await built(spec);
    expect(alone.diagnostics.map((d) => [d.rule, d.path]).sort()).toEqual([
      ['ingress-unsupported', '/defaults/retries'],
      ['ingress-unsupported', '/defaults/retries'],
      ['ingress-unsupported', '/services/web/routes/0/match'],
      ['ingress-unsupported', '/services/web/routes/0/to'],
      ['ingress-unsupported', '/services/web/timeout'],
      ['ingress-unsupported', '/services/web/versions'],
    ]);
    expect(alone.diagnostics.find((d) => d.path === '/services/web/routes/0/match')!.message).toBe(
      "'web' is reached through an Ingress, which cannot carry header, method or query matches: build with --target istio too (its VirtualServices carry it), or drop it",
    );
    const together = await built(spec, ['ingress', 'istio']);
    expect(together.diagnostics).toEqual([]);
    expect(together.values.filter((v) => v.kind === 'Ingress')).toHaveLength(1);
  });

  it('refuses a regex path and a TCP-only service even with the istio target', async () => {
    const { diagnostics } = await built(
      system({
        web: { image, ingress: { hosts: ['example.com'], paths: [{ regex: '/v[0-9]+/.*' }] } },
        cache: { image, protocol: 'tcp', port: 6379, ingress: { hosts: ['cache.example.com'] } },
      }),
      ['ingress', 'istio'],
    );
    expect(diagnostics.map((d) => [d.path, d.message]).sort()).toEqual([
      ['/services/cache/ingress/hosts/0', "'cache' has no HTTP or gRPC port, and an Ingress routes HTTP only"],
      [
        '/services/web/ingress/paths/0',
        'a Kubernetes Ingress has no regex paths: use an exact path or a prefix, or build with --target istio instead of ingress',
      ],
    ]);
  });

  it('is listed by the CLI and written by build --target ingress', () => {
    const run = runCli(['build', 'examples/shared-host/system.yaml', '--target', 'ingress']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('kind: Ingress');
  });
});

// The example's spec is what the README shows.
it('examples/shared-host loads', async () =>
  expect(Object.keys(((await loadSpec('examples/shared-host/system.yaml')).data as any).services)).toEqual([
    'service1',
    'service2',
  ]));
