import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
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
