import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const { dir, write } = tempDir();
const hamesh = (...args: string[]) => runCli(args);
type Json = {
  diagnostics: Array<{
    rule: string;
    severity: string;
    path: string;
    line: number;
    environment?: string;
    message: string;
  }>;
};
const json = (stdout: string) => JSON.parse(stdout) as Json;
const example = 'examples/environments/system.yaml';

describe('environments in the bundled example', () => {
  it("lints clean in dev at dev's policy and in prod at prod's, and builds both", () => {
    for (const env of ['dev', 'prod']) expect(hamesh('lint', '--env', env, example).code).toBe(0);
    const out = join(dir, 'deploy');
    const built = hamesh('build', example, '--out', out);
    expect(built.code).toBe(0);
    expect(built.stdout).toContain(`[dev] wrote ${join(out, 'dev')}`);
    expect(readFileSync(join(out, 'dev/manifests/services/web/kubernetes.yaml'), 'utf8')).toMatch(
      /namespace: store-dev[\s\S]*replicas: 1\n/,
    );
    expect(readFileSync(join(out, 'prod/manifests/services/web/kubernetes.yaml'), 'utf8')).toMatch(
      /namespace: store-prod[\s\S]*replicas: 3\n/,
    );
    expect(hamesh('build', example, '--out', out, '--check').code).toBe(0);
  });

  it('takes HAMESH_ENV, and asks for --env or --out when building to stdout', () => {
    const stdout = spawnEnv('dev');
    expect(stdout.code).toBe(0);
    expect(stdout.stdout).toContain('namespace: store-dev');
    const none = hamesh('build', example);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('declares environments dev, prod: choose one with --env NAME');
    const unknown = hamesh('lint', '--env', 'qa', example);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown environment 'qa'");
  });
});

function spawnEnv(env: string) {
  const previous = process.env.HAMESH_ENV;
  process.env.HAMESH_ENV = env;
  try {
    return hamesh('build', example);
  } finally {
    if (previous === undefined) delete process.env.HAMESH_ENV;
    else process.env.HAMESH_ENV = previous;
  }
}

/** One service with a single replica: fine under dev's policy, a min-replicas error under prod's. */
const spec = `apiVersion: hamesh.dev/v1
kind: System
metadata: {name: envs}
zones: [a, b, c]
defaults:
  probes: {readiness: /ready}
  circuitBreaker: {consecutiveErrors: 5, interval: 10s, baseEjectionTime: 30s, maxEjectionPercent: 50}
services:
  api:
    image: api:1
    tier: critical
    replicas: 3
environments:
  dev:
    zones: [a]
    services:
      api:
        replicas: 1
    policy:
      tiers:
        critical: {minReplicas: 1, minZones: 1}
  prod: {}
  broken:
    services:
      api:
        replicas: 1
`;

describe('each environment against its own policy', () => {
  const file = write('envs.yaml', spec);

  it('passes dev, and locates the failing override of another environment at its own line', () => {
    expect(hamesh('lint', '--env', 'dev', file).code).toBe(0);
    expect(hamesh('lint', '--env', 'prod', file).code).toBe(0);
    const broken = hamesh('lint', '--env', 'broken', '--format', 'json', file);
    expect(broken.code).toBe(1);
    expect(json(broken.stdout).diagnostics).toContainEqual(
      expect.objectContaining({
        rule: 'min-replicas',
        severity: 'error',
        path: '/services/api/replicas',
        line: 26,
        environment: 'broken',
      }),
    );
  });

  it('without --env lints every environment and tags each finding with its environment', () => {
    const all = json(hamesh('lint', '--format', 'json', file).stdout).diagnostics;
    expect(new Set(all.filter((d) => d.severity === 'error').map((d) => d.environment))).toEqual(new Set(['broken']));
  });

  it('keeps the organisation floor and says so with a note where the spec loosened it', () => {
    const org = write('org.yaml', 'tiers:\n  critical: {minReplicas: 2}\n');
    const result = hamesh('lint', '--env', 'dev', '--policy', org, '--format', 'json', file);
    expect(result.code).toBe(1);
    const found = json(result.stdout).diagnostics;
    expect(found).toContainEqual(
      expect.objectContaining({
        rule: 'policy-floor',
        severity: 'note',
        path: '/policy/tiers/critical/minReplicas',
        line: 21,
      }),
    );
    expect(found).toContainEqual(expect.objectContaining({ rule: 'min-replicas', severity: 'error', line: 18 }));
    const text = hamesh('lint', '--env', 'dev', '--policy', org, file).stdout;
    expect(text).toMatch(
      /note +\[dev\] \/policy\/tiers\/critical\/minReplicas minReplicas 1 is below the organisation's minimum 2/,
    );
  });
});

describe('suppressions of inherited values', () => {
  it('match a finding at /defaults from a suppression of the service, and one set by an environment', () => {
    const file = write(
      'inherited.yaml',
      `apiVersion: hamesh.dev/v1
kind: System
metadata: {name: inherit}
zones: [a, b]
defaults:
  replicas: 1
  probes: {readiness: /ready}
services:
  api: {image: api:1}
policy:
  suppress:
    - {rule: min-replicas, path: /services/api, reason: a batch API}
environments:
  dev:
    services:
      api: {replicas: 1, spread: zone}
    policy:
      suppress:
        - {rule: min-replicas, path: /environments/dev/services/api, reason: dev runs one}
  prod: {}
`,
    );
    const found = json(hamesh('lint', '--format', 'json', file).stdout).diagnostics;
    expect(found.filter((d) => d.rule === 'min-replicas' || d.rule === 'unused-suppression')).toEqual([]);
  });
});

describe('build --no-lint and --lint warn', () => {
  const file = write('one.yaml', spec.replace('replicas: 3', 'replicas: 1').replace(/environments:[\s\S]*/, ''));

  it('stops on lint errors by default, and goes on with --lint warn or --no-lint, showing what it ignored', () => {
    const out = join(dir, 'nolint');
    expect(hamesh('build', file, '--out', out).code).toBe(1);
    expect(existsSync(out)).toBe(false);
    const warn = hamesh('build', file, '--out', out, '--lint', 'warn');
    expect(warn.code).toBe(0);
    expect(warn.stdout).toMatch(/warning .*min-replicas/);
    expect(warn.stdout).toContain('let through by --lint warn');
    const off = hamesh('build', file, '--out', out, '--no-lint');
    expect(off.code).toBe(0);
    expect(off.stderr).toContain('--no-lint: built without acting on 2 lint error(s)');
    expect(off.stderr).toContain('min-replicas');
  });
});
