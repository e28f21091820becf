import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { runCli } from '../helpers/cli.js';

const targets = 'namespace,kubernetes,istio';

describe('golden output of examples/shop (refresh with `npm run golden:update`, then review the diff)', () => {
  it('matches test/golden/shop byte for byte', () => {
    const run = runCli([
      'build',
      'examples/shop/system.ts',
      '--target',
      targets,
      '--check',
      '--out',
      'test/golden/shop',
    ]);
    expect(run.stdout).toContain('is up to date');
    expect(run.code).toBe(0);
  });

  it('streams every kind of the issue, each verified against the upstream schemas, identically on every run', () => {
    const first = runCli(['build', 'examples/shop/system.ts', '--target', targets]);
    expect(first.code).toBe(0);
    const kinds = new Set(parseAllDocuments(first.stdout).map((d) => (d.toJS() as { kind: string }).kind));
    expect([...kinds].sort()).toEqual([
      'AuthorizationPolicy',
      'Deployment',
      'DestinationRule',
      'Gateway',
      'HorizontalPodAutoscaler',
      'Namespace',
      'PeerAuthentication',
      'PodDisruptionBudget',
      'Service',
      'ServiceAccount',
      'Sidecar',
      'VirtualService',
    ]);
    expect(runCli(['build', 'examples/shop/system.ts', '--target', targets]).stdout).toBe(first.stdout);
  });
});

describe('golden output of the shop on --target gateway-api (test/golden/shop-gateway-api)', () => {
  const fixture = 'test/fixtures/shop-gateway-api/system.yaml';

  it('builds from the shop example minus its retries (the standard channel has none), and nothing else', () => {
    const withoutRetries = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(withoutRetries)
        : value !== null && typeof value === 'object'
          ? Object.fromEntries(
              Object.entries(value)
                .filter(([key]) => key !== 'retries')
                .map(([key, v]) => [key, withoutRetries(v)]),
            )
          : value;
    const read = (file: string) => parse(readFileSync(file, 'utf8')) as unknown;
    expect(read(fixture)).toEqual(withoutRetries(read('examples/shop/system.yaml')));
  });

  it('matches byte for byte, with HTTPRoutes, version Services and the Gateway instead of VirtualServices', () => {
    const all = 'namespace,kubernetes,istio,gateway-api';
    const run = runCli(['build', fixture, '--target', all, '--check', '--out', 'test/golden/shop-gateway-api']);
    expect(run.stdout).toContain('is up to date');
    expect(run.code).toBe(0);
    const kinds = parseAllDocuments(runCli(['build', fixture, '--target', all]).stdout).map(
      (d) => (d.toJS() as { kind: string }).kind,
    );
    expect(kinds).toContain('HTTPRoute');
    expect(kinds).not.toContain('VirtualService');
  });
});
