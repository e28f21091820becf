import { describe, expect, it } from 'vitest';
import { analyze, lintAnalysis, loadOrgPolicy } from '../../src/pipeline.js';
import { mergePolicies } from '../../src/policy/merge.js';
import type { System } from '../../src/spec/schema.generated.js';
import { specFile } from '../helpers/spec.js';
import { tempDir } from '../helpers/tmp.js';

const { write } = tempDir();

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
      {
        rules: {
          'timeout-budget': 'error',
          'retry-amplification': { severity: 'warning', max: 20 },
          'orphan-event': 'off',
        },
      },
      {
        rules: {
          'timeout-budget': 'off',
          'retry-amplification': { severity: 'error', max: 30 },
          'orphan-event': 'warning',
          'dead-letter': 'off',
        },
      },
    );
    expect(merged.rules).toEqual({
      'orphan-event': 'warning',
      'retry-amplification': { severity: 'error', max: 20 },
      'timeout-budget': 'error',
    });
    expect(
      mergePolicies(
        { rules: { 'retry-amplification': { severity: 'warning', max: 20 } } },
        { rules: { 'retry-amplification': { severity: 'warning', max: 5 } } },
      ).rules,
    ).toEqual({ 'retry-amplification': { severity: 'warning', max: 5 } });
  });
  it('holds a rule the organisation does not mention at its defaults: the spec may only tighten them', () => {
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
    expect(merged.rules).toEqual({
      'orphan-event': 'error',
      'retry-amplification': { severity: 'warning', max: 10 },
      'timeout-budget': 'error',
    });
    expect(mergePolicies({}, { rules: { 'retry-amplification': { severity: 'warning', max: 4 } } }).rules).toEqual({
      'retry-amplification': { severity: 'warning', max: 4 },
    });
  });
  it('frees the spec above a rule the organisation turns off or down', () => {
    const org = {
      rules: {
        'zone-spread': 'warning',
        'min-replicas': 'off',
        'retry-amplification': { severity: 'warning', max: 30 },
      },
    } as const;
    expect(
      mergePolicies(org, {
        rules: {
          'zone-spread': 'off',
          'min-replicas': 'warning',
          'retry-amplification': { severity: 'warning', max: 20 },
        },
      }).rules,
    ).toEqual({
      'min-replicas': 'warning',
      'retry-amplification': { severity: 'warning', max: 20 },
      'zone-spread': 'warning',
    });
    expect(
      mergePolicies(org, { rules: { 'zone-spread': 'error', 'retry-amplification': { severity: 'off', max: 50 } } })
        .rules,
    ).toEqual({
      'min-replicas': 'off',
      'retry-amplification': { severity: 'warning', max: 30 },
      'zone-spread': 'error',
    });
  });
  it("applies both suppression lists, the spec's first, and the more pessimistic model", () => {
    const own = { rule: 'min-replicas', path: '/services/a', reason: 'spec' };
    const org = { rule: 'orphan-event', path: '/events', reason: 'org' };
    const merged = mergePolicies(
      { suppress: [org], model: { replicaAvailability: 0.995 } },
      { suppress: [own], model: { replicaAvailability: 0.999 } },
    );
    expect(merged.suppress).toEqual([own, org]);
    expect(merged.model).toEqual({ replicaAvailability: 0.995 });
  });
});

describe('a spec under an organisation policy file', () => {
  const spec: System = {
    apiVersion: 'hamesh.dev/v1',
    kind: 'System',
    metadata: { name: 't' },
    defaults: { probes: { readiness: '/ready' } },
    services: { a: { image: 'a:1' } },
    events: { e: {} },
    policy: { suppress: [{ rule: 'orphan-event', path: '/events/e', reason: 'spec-level' }] },
  };

  it('applies its tiers and locates its own suppressions in its file', async () => {
    const file = write(
      'org.yaml',
      'tiers:\n  standard: {minReplicas: 3}\nsuppress:\n  - rule: call-cycle\n    path: /services\n    reason: legacy\n    expires: "2026-01-01"\n',
    );
    const { policy, diagnostics } = loadOrgPolicy(file);
    expect(diagnostics).toEqual([]);
    const findings = await lintUnder(spec, policy!);
    expect(findings.map((d) => [d.rule, d.path, d.file === file ? `${d.line}:${d.column}` : 'in the spec'])).toEqual([
      ['expired-suppression', '/suppress/0', '4:5'],
      ['min-replicas', '/services/a', 'in the spec'],
    ]);
  });

  it('keeps findings a spec turns off or down under examples/hamesh.policy.yaml; suppressions still apply', async () => {
    const { policy } = loadOrgPolicy('examples/hamesh.policy.yaml');
    const loosening: System = {
      ...spec,
      zones: ['z1', 'z2', 'z3'],
      services: {
        a: {
          image: 'a:1',
          tier: 'critical',
          replicas: 2,
          spread: 'node',
          circuitBreaker: { consecutiveErrors: 5, interval: '10s', baseEjectionTime: '30s', maxEjectionPercent: 50 },
        },
      },
      policy: { rules: { 'min-replicas': 'off', 'zone-spread': 'warning', 'orphan-event': 'off' } },
    };
    const lintWith = async (s: System) => (await lintUnder(s, policy!)).map((d) => [d.rule, d.severity, d.path]);
    expect(await lintWith(loosening)).toEqual([
      ['min-replicas', 'error', '/services/a/replicas'],
      ['orphan-event', 'warning', '/events/e'],
      ['zone-spread', 'error', '/services/a/spread'],
    ]);
    const suppressed = {
      ...loosening,
      policy: {
        suppress: [
          { rule: 'min-replicas', path: '/services/a', reason: 'scaling up next sprint', expires: '2026-07-01' },
        ],
      },
    };
    expect((await lintWith(suppressed)).map(([rule]) => rule)).toEqual(['orphan-event', 'zone-spread']);
  });
});

/** Lint findings of `spec` (written to a file) under the organisation policy, suppressions expiring against 2026-06-01. */
async function lintUnder(spec: System, policy: NonNullable<ReturnType<typeof loadOrgPolicy>['policy']>) {
  const analysis = await analyze(specFile(spec), { policy });
  return lintAnalysis({
    ...analysis,
    resolved: analysis.resolved!,
    lintOptions: { ...analysis.lintOptions, today: '2026-06-01' },
  });
}
