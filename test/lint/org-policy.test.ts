import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyOrgPolicy, checkOrgPolicy, lint, mergePolicies } from '../../src/lint/engine.js';
import { loadPolicy } from '../../src/load/policy.js';
import { LoadError } from '../../src/load/source.js';
import { normalize } from '../../src/normalize/normalize.js';
import { resolve } from '../../src/resolve/resolve.js';
import type { System } from '../../src/spec/schema.generated.js';
import { tempDir } from '../helpers/tmp.js';

const { dir, write } = tempDir();

describe('mergePolicies: the organisation sets the floor, the spec may only tighten', () => {
  it('keeps the larger minimum and any requirement the organisation turns on', () => {
    const merged = mergePolicies(
      { tiers: { critical: { minReplicas: 4, requireProbes: true }, standard: { minZones: 1 } } },
      { tiers: { critical: { minReplicas: 2, requireProbes: false, minZones: 2 }, standard: { minReplicas: 3 } } },
    );
    expect(merged.tiers).toEqual({
      critical: { minReplicas: 4, requireProbes: true, minZones: 2 },
      standard: { minZones: 1, minReplicas: 3 },
      'best-effort': {},
    });
  });
  it('takes the stricter severity and option value', () => {
    const merged = mergePolicies(
      { rules: { 'timeout-budget': 'error', 'retry-amplification': { severity: 'warning', max: 20 }, 'orphan-event': 'off' } },
      { rules: { 'timeout-budget': 'off', 'retry-amplification': { severity: 'error', max: 30 }, 'orphan-event': 'warning', 'dead-letter': 'off' } },
    );
    expect(merged.rules).toEqual({
      'orphan-event': 'warning',
      'retry-amplification': { severity: 'error', max: 20 },
      'timeout-budget': 'error',
    });
    expect(mergePolicies({ rules: { 'retry-amplification': { severity: 'warning', max: 20 } } }, { rules: { 'retry-amplification': { severity: 'warning', max: 5 } } }).rules)
      .toEqual({ 'retry-amplification': { severity: 'warning', max: 5 } });
  });
  it("holds a rule the organisation does not mention at its defaults: the spec may only tighten them", () => {
    const merged = mergePolicies(
      { tiers: { critical: { minReplicas: 3 } } },
      {
        rules: {
          'min-replicas': 'off',
          'zone-spread': 'warning',
          'circuit-breaker': 'warning',
          'orphan-event': 'error',
          'retry-amplification': { severity: 'off', max: 30 },
          'timeout-budget': { severity: 'error' },
        },
      },
    );
    expect(merged.rules).toEqual({ 'orphan-event': 'error', 'retry-amplification': { severity: 'warning', max: 10 }, 'timeout-budget': 'error' });
    expect(mergePolicies({}, { rules: { 'retry-amplification': { severity: 'warning', max: 4 } } }).rules).toEqual({ 'retry-amplification': { severity: 'warning', max: 4 } });
  });
  it('frees the spec above a rule the organisation turns off or down', () => {
    const org = { rules: { 'zone-spread': 'warning', 'min-replicas': 'off', 'retry-amplification': { severity: 'warning', max: 30 } } } as const;
    expect(mergePolicies(org, { rules: { 'zone-spread': 'off', 'min-replicas': 'warning', 'retry-amplification': { severity: 'warning', max: 20 } } }).rules).toEqual({
      'min-replicas': 'warning',
      'retry-amplification': { severity: 'warning', max: 20 },
      'zone-spread': 'warning',
    });
    expect(mergePolicies(org, { rules: { 'zone-spread': 'error', 'retry-amplification': { severity: 'off', max: 50 } } }).rules).toEqual({
      'min-replicas': 'off',
      'retry-amplification': { severity: 'warning', max: 30 },
      'zone-spread': 'error',
    });
  });
  it('applies both suppression lists, the spec\'s first, and the more pessimistic model', () => {
    const own = { rule: 'min-replicas', path: '/services/a', reason: 'spec' };
    const org = { rule: 'orphan-event', path: '/events', reason: 'org' };
    const merged = mergePolicies({ suppress: [org], model: { replicaAvailability: 0.995 } }, { suppress: [own], model: { replicaAvailability: 0.999 } });
    expect(merged.suppress).toEqual([own, org]);
    expect(merged.model).toEqual({ replicaAvailability: 0.995 });
  });
});

describe('organisation policy files', () => {
  const spec: System = {
    apiVersion: 'hamesh.dev/v1',
    kind: 'System',
    metadata: { name: 't' },
    defaults: { probes: { readiness: '/ready' } },
    services: { a: { image: 'a:1' } },
    events: { e: {} },
    policy: { suppress: [{ rule: 'orphan-event', path: '/events/e', reason: 'spec-level' }] },
  };

  it('applies its tiers and locates its own suppressions in its file', () => {
    const file = write(
      'org.yaml',
      'tiers:\n  standard: {minReplicas: 3}\nsuppress:\n  - rule: call-cycle\n    path: /services\n    reason: legacy\n    expires: "2026-01-01"\n',
    );
    const { policy, diagnostics } = loadPolicy(file);
    expect(diagnostics).toEqual([]);
    const { spec: merged, options } = applyOrgPolicy(spec, policy!);
    const findings = lint(resolve(normalize(merged)), { ...options, today: '2026-06-01' });
    expect(findings.map((d) => [d.rule, d.path, d.file, d.line, d.column])).toEqual([
      ['expired-suppression', '/suppress/0', file, 4, 5],
      ['min-replicas', '/services/a', undefined, undefined, undefined],
    ]);
  });

  it('keeps findings a spec turns off or down under examples/hamesh.policy.yaml; suppressions still apply', () => {
    const { policy } = loadPolicy('examples/hamesh.policy.yaml');
    const loosening: System = {
      ...spec,
      zones: ['z1', 'z2', 'z3'],
      services: { a: { image: 'a:1', tier: 'critical', replicas: 2, spread: 'node', circuitBreaker: { consecutiveErrors: 5, interval: '10s', baseEjectionTime: '30s', maxEjectionPercent: 50 } } },
      policy: { rules: { 'min-replicas': 'off', 'zone-spread': 'warning', 'orphan-event': 'off' } },
    };
    const lintWith = (s: System) => {
      const { spec: merged, options } = applyOrgPolicy(s, policy!);
      return lint(resolve(normalize(merged)), { ...options, today: '2026-06-01' }).map((d) => [d.rule, d.severity, d.path]);
    };
    expect(lintWith(loosening)).toEqual([
      ['min-replicas', 'error', '/services/a/replicas'],
      ['orphan-event', 'warning', '/events/e'],
      ['zone-spread', 'error', '/services/a/spread'],
    ]);
    const suppressed = { ...loosening, policy: { suppress: [{ rule: 'min-replicas', path: '/services/a', reason: 'scaling up next sprint', expires: '2026-07-01' }] } };
    expect(lintWith(suppressed).map(([rule]) => rule)).toEqual(['orphan-event', 'zone-spread']);
  });

  it('reports shape problems and unknown rules located in the file', () => {
    const bad = write('bad.yaml', 'tiers:\n  critical: {minReplica: 3}\n');
    expect(loadPolicy(bad).diagnostics.map((d) => [d.rule, d.path, d.line, d.column, d.message])).toEqual([
      ['unknown-key', '/tiers/critical/minReplica', 2, 14, "'minReplica' is not a known key (did you mean 'minReplicas'?); allowed: minReplicas, minZones, minTopicReplication, requireCircuitBreaker, requireProbes"],
    ]);
    const typo = loadPolicy(write('typo.yaml', 'suppress:\n  - {rule: min-replica, path: /services, reason: r}\n')).policy!;
    expect(checkOrgPolicy(typo).map((d) => [d.rule, d.path, d.file, d.line])).toEqual([['policy-config', '/suppress/0/rule', typo.file, 2]]);
  });

  it('accepts an empty file as an empty policy', () => {
    expect(loadPolicy(write('empty.yaml', '')).policy?.policy).toEqual({});
  });

  it('throws LoadError for files it cannot use', () => {
    expect(() => loadPolicy(join(dir, 'missing.yaml'))).toThrow(LoadError);
    expect(() => loadPolicy(write('policy.toml', 'x = 1'))).toThrow(/unsupported policy file type '.toml'/);
    expect(() => loadPolicy(write('broken.yaml', 'rules: [\n'))).toThrow(/cannot parse YAML/);
  });
});
