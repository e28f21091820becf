import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint/engine.js';
import { validate } from '../../src/validate/validate.js';
import { resolveSpec, type TestSpec } from '../helpers/spec.js';

const image = 'example/app:1';
/** Two findings of min-replicas (a and b run 1 replica) and nothing else. */
const weak: TestSpec = {
  defaults: { probes: { readiness: '/ready' } },
  services: { a: { image, replicas: 1 }, b: { image, replicas: 1 } },
};
/** zone-spread would also report the single replicas; a one-zone standard tier keeps these tests to min-replicas. */
const oneZone = { standard: { minZones: 1 } };
const run = (policy: TestSpec['policy'], today = '2026-06-01') =>
  lint(resolveSpec({ ...weak, policy: { tiers: oneZone, ...policy } }), { today }).map(
    ({ rule, severity, path }) => `${severity} ${rule} ${path}`,
  );

describe('rule configuration (policy.rules)', () => {
  it("reports with the rules' own severities by default", () => {
    expect(run(undefined)).toEqual([
      'error min-replicas /services/a/replicas',
      'error min-replicas /services/b/replicas',
    ]);
  });
  it('turns a rule off or changes its severity', () => {
    expect(run({ rules: { 'min-replicas': 'off' } })).toEqual([]);
    expect(run({ rules: { 'min-replicas': { severity: 'warning' } } })).toEqual([
      'warning min-replicas /services/a/replicas',
      'warning min-replicas /services/b/replicas',
    ]);
  });
  it('overrides a severity a rule chose per finding', () => {
    const spec: TestSpec = {
      services: { a: { image, tier: 'critical', replicas: 3 } },
      policy: { rules: { 'missing-probes': 'warning' } },
    };
    expect(lint(resolveSpec(spec)).map((d) => `${d.severity} ${d.rule}`)).toEqual(['warning missing-probes']);
  });
  it('reports unknown rules and options with a suggestion, and wrongly typed options', () => {
    const findings = lint(
      resolveSpec({
        ...weak,
        policy: {
          rules: {
            'min-replica': 'off',
            'retry-amplification': { severity: 'error', maxx: 3 },
            'call-cycle': { severity: 'error', max: 1 },
          },
          suppress: [{ rule: 'spof-dependancy', path: '/services', reason: 'typo' }],
        },
      }),
    ).filter((d) => d.rule === 'policy-config');
    expect(findings.map((d) => [d.severity, d.path, d.message])).toEqual([
      [
        'error',
        '/policy/rules/min-replica',
        "unknown rule 'min-replica' (did you mean 'min-replicas'?); `hamesh rules` lists them",
      ],
      [
        'error',
        '/policy/rules/retry-amplification/maxx',
        "'retry-amplification' has no option 'maxx' (did you mean 'max'?); options: max",
      ],
      ['error', '/policy/rules/call-cycle/max', "'call-cycle' has no option 'max'; it takes none"],
      [
        'error',
        '/policy/suppress/0/rule',
        "unknown rule 'spof-dependancy' (did you mean 'spof-dependency'?); `hamesh rules` lists them",
      ],
    ]);
    const typed = lint(
      resolveSpec({ ...weak, policy: { rules: { 'retry-amplification': { severity: 'error', max: 'ten' } } } }),
    );
    expect(typed.filter((d) => d.rule === 'policy-config').map((d) => [d.path, d.message])).toEqual([
      ['/policy/rules/retry-amplification/max', 'must be a number'],
    ]);
  });
});

describe('ids that are not lint judgements', () => {
  it('accepts every id a run can print, refuses to turn off or suppress one that means the spec cannot be built, and says so', () => {
    const policy = {
      rules: {
        schema: 'error' as const,
        'topic-name': 'off' as const,
        verify: 'warning' as const,
        'output-index': 'warning' as const,
        'http-only': 'off' as const,
      },
      suppress: [{ rule: 'unknown-reference', path: '/services', reason: 'not allowed' }],
    };
    const findings = lint(resolveSpec({ ...weak, policy })).filter((d) => d.rule === 'policy-config');
    expect(findings.map((d) => [d.path, d.message])).toEqual([
      [
        '/policy/rules/topic-name',
        "'topic-name' (render) means the spec cannot be built: it is always an error and cannot be turned off or suppressed",
      ],
      [
        '/policy/rules/verify',
        "'verify' (verify) means the spec cannot be built: it is always an error and cannot be turned off or suppressed",
      ],
      [
        '/policy/suppress/0/rule',
        "'unknown-reference' (validate) means the spec cannot be built: it is always an error and cannot be turned off or suppressed",
      ],
    ]);
  });
});

describe('suppressions (policy.suppress)', () => {
  const suppress = (path: string, extra: { expires?: string } = {}) => ({
    suppress: [{ rule: 'min-replicas', path, reason: 'migrating', ...extra }],
  });

  it('hides the findings at or under the path, and only those', () => {
    expect(run(suppress('/services/a'))).toEqual(['error min-replicas /services/b/replicas']);
    expect(run(suppress('/services/a/replicas'))).toEqual(['error min-replicas /services/b/replicas']);
    expect(run(suppress('/services'))).toEqual([]);
    expect(run(suppress(''))).toEqual([]);
  });
  it('matches whole pointer segments, not string prefixes', () => {
    const spec: TestSpec = {
      ...weak,
      services: { a: { image, replicas: 1 }, ab: { image, replicas: 1 } },
      policy: { tiers: oneZone, ...suppress('/services/a') },
    };
    expect(lint(resolveSpec(spec)).map((d) => d.path)).toEqual(['/services/ab/replicas']);
  });
  it('keeps suppressing up to and including its expiry date', () => {
    expect(run(suppress('/services', { expires: '2026-06-01' }), '2026-06-01')).toEqual([]);
  });
  it('stops suppressing once expired, and reports itself', () => {
    const findings = lint(
      resolveSpec({ ...weak, policy: { tiers: oneZone, ...suppress('/services', { expires: '2026-05-31' }) } }),
      { today: '2026-06-01' },
    );
    expect(findings.map((d) => `${d.severity} ${d.rule} ${d.path}`)).toEqual([
      'warning expired-suppression /policy/suppress/0',
      'error min-replicas /services/a/replicas',
      'error min-replicas /services/b/replicas',
    ]);
    expect(findings[0]!.message).toBe(
      "the suppression of 'min-replicas' at '/services' expired on 2026-05-31 (reason: migrating), so its findings are reported again",
    );
  });
  it('reports a suppression that matches nothing', () => {
    const findings = lint(
      resolveSpec({ ...weak, policy: { suppress: [{ rule: 'call-cycle', path: '/services/a', reason: 'old' }] } }),
    );
    expect(findings.filter((d) => d.rule === 'unused-suppression').map((d) => [d.severity, d.path, d.message])).toEqual(
      [['warning', '/policy/suppress/0', "the suppression of 'call-cycle' at '/services/a' matches no finding"]],
    );
  });
  it('lets the policy turn the suppression reports off', () => {
    const policy = {
      rules: { 'unused-suppression': 'off' as const },
      suppress: [{ rule: 'call-cycle', path: '/x', reason: 'old' }],
    };
    expect(run(policy)).toEqual(['error min-replicas /services/a/replicas', 'error min-replicas /services/b/replicas']);
  });
  it('rejects a suppression without a reason at validation', () => {
    const result = validate({
      apiVersion: 'hamesh.dev/v1',
      kind: 'System',
      metadata: { name: 't' },
      ...weak,
      policy: { suppress: [{ rule: 'min-replicas', path: '/services' }] },
    });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => [d.path, d.message])).toContainEqual([
      '/policy/suppress/0',
      "is missing the required key 'reason'",
    ]);
  });
});
