import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allCodes, type Code } from '../../src/diagnostics/codes.js';
import { ruleSettings } from '../../src/policy/settings.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

/*
 * Every warning (and note) in the catalogue is a judgement: `policy.rules` sets its severity or turns it off and,
 * but for `hamesh diff`'s rules, `policy.suppress` hides it — whatever stage reports it (issue 8). Errors that mean
 * the spec cannot be built stay errors. The lint engine configures every lint rule alike; the warnings of the stages
 * after lint are judged by the pipeline, each proven below through the CLI.
 */

const warnings = allCodes.filter((code) => code.severity !== 'error');
const errors = allCodes.filter((code) => code.severity === 'error' && code.stage !== 'lint' && code.stage !== 'diff');

describe('the catalogue’s warnings are all configurable, its errors are not', () => {
  it.each(warnings.map((code) => [code.id, code] as const))(
    '%s: policy.rules and policy.suppress accept it',
    (id, code) => {
      const suppress = code.stage === 'diff' ? [] : [{ rule: id, path: '', reason: 'accepted' }];
      const settings = ruleSettings({ rules: { [id]: 'off' }, suppress }, '/policy');
      expect(settings.diagnostics).toEqual([]);
      expect(settings.setting(id).severity).toBe('off');
    },
  );

  it.each(errors.map((code) => [code.id] as const))('%s: refused in policy.rules and policy.suppress', (id) => {
    const settings = ruleSettings(
      { rules: { [id]: 'off' }, suppress: [{ rule: id, path: '', reason: 'no' }] },
      '/policy',
    );
    expect(settings.diagnostics.map((d) => d.path)).toEqual([`/policy/rules/${id}`, '/policy/suppress/0/rule']);
    for (const { message } of settings.diagnostics)
      expect(message).toContain('means the spec cannot be built: it is always an error and cannot be turned off');
  });
});

const header = ['apiVersion: hamesh.dev/v1', 'kind: System', 'metadata: {name: judged}'];

/** A spec whose build warns once with each later-stage warning, given the right output folder. */
const specText = (policy: string[]) =>
  [
    ...header,
    'services:',
    '  web: {image: "web:1", replicas: 2, probes: {readiness: /ready, liveness: /live}}',
    'patches:',
    '  Deployment/nobody: {spec: {paused: true}}',
    ...policy,
  ].join('\n');

/** The output folder: an index entry leading outside it, and a temporary file a killed build left. */
function outputFolder(): string {
  const out = tempDir();
  out.write('.hamesh-outputs', '../outside.yaml\n');
  out.write('kustomization.yaml.hamesh-tmp-123', 'left by a killed build\n');
  return out.dir;
}

function build(policy: string[]): Array<{ rule: string; severity: string; message: string }> {
  const spec = tempDir().write('system.yaml', specText(policy));
  const run = runCli(['build', spec, '--target', 'kubernetes', '--out', outputFolder(), '--format', 'json']);
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout).diagnostics;
}

/** The warnings of the stages after lint, each with where a suppression of its finding points. */
const later: Record<string, string> = {
  'patch-unmatched': '/patches/Deployment~1nobody',
  'output-index': '',
  'output-recovered': '',
};

describe('the warnings of the stages after lint are judged as lint’s (issue 8)', () => {
  it('covers every warning and note of render, verify and write in the catalogue', () => {
    const laterStage = (code: Code) => code.stage === 'render' || code.stage === 'verify' || code.stage === 'write';
    expect(warnings.filter(laterStage).map((code) => code.id)).toEqual(expect.arrayContaining(Object.keys(later)));
    expect(Object.keys(later)).toEqual(expect.arrayContaining(warnings.filter(laterStage).map((code) => code.id)));
  });

  it('are reported by default, and policy.rules turns each off or changes its severity', () => {
    const rules = (ids: string[], setting: string) => [
      'policy:',
      '  rules:',
      ...ids.map((id) => `    ${id}: ${setting}`),
    ];
    const ids = Object.keys(later);
    expect(build([]).map((d) => [d.rule, d.severity])).toEqual(
      expect.arrayContaining(ids.map((id) => [id, 'warning'])),
    );
    expect(build(rules(ids, 'off')).filter((d) => ids.includes(d.rule))).toEqual([]);
    // A write-stage warning raised to an error is reported as one (the folder is already written).
    expect(build(rules(['output-index', 'output-recovered'], 'error')).map((d) => [d.rule, d.severity])).toEqual(
      expect.arrayContaining([
        ['output-index', 'error'],
        ['output-recovered', 'error'],
        ['patch-unmatched', 'warning'],
      ]),
    );
  });

  it('policy.suppress hides each at its path, and reports a suppression that matched nothing', () => {
    const suppress = (entries: Array<[string, string]>) => [
      'policy:',
      '  suppress:',
      ...entries.map(([rule, path]) => `    - {rule: ${rule}, path: "${path}", reason: "known"}`),
    ];
    const found = build(suppress(Object.entries(later)));
    expect(found.filter((d) => d.rule in later || d.rule.endsWith('-suppression'))).toEqual([]);
    const unused = build(suppress([['patch-unmatched', '/services/web']]));
    expect(unused.map((d) => [d.rule, d.message])).toEqual(
      expect.arrayContaining([
        ['unused-suppression', "the suppression of 'patch-unmatched' at '/services/web' matches no finding"],
        ['patch-unmatched', expect.stringContaining('matches no object')],
      ]),
    );
  });

  it('a patch-unmatched raised to an error stops the build before anything is written', () => {
    const spec = tempDir().write('system.yaml', specText(['policy:', '  rules:', '    patch-unmatched: error']));
    const out = tempDir().dir;
    const run = runCli(['build', spec, '--target', 'kubernetes', '--out', out, '--format', 'json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).diagnostics).toContainEqual(
      expect.objectContaining({ rule: 'patch-unmatched', severity: 'error', line: 7, column: 3 }),
    );
    expect(readdirSync(out)).toEqual([]);
  });
});
