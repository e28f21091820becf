import { spawnSync } from 'node:child_process';
import { dump } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { root, runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const { write } = tempDir();
const hamesh = (...args: string[]) => runCli(args);
const json = (stdout: string) => JSON.parse(stdout) as { diagnostics: Array<Record<string, unknown>> };

/** Lints to exactly one warning: an event nobody subscribes to. */
const warningSpec = `apiVersion: hamesh.dev/v1
kind: System
metadata: {name: warn}
zones: [a, b]
broker: {brokers: 3}
defaults: {probes: {readiness: /ready}}
services:
  a: {image: "a:1", publishes: [x.y], calls: [b]}
  b: {image: "b:1", retries: {attempts: 0}, circuitBreaker: {consecutiveErrors: 5, interval: 10s, baseEjectionTime: 30s, maxEjectionPercent: 50}}
events:
  x.y: {}
`;

describe('hamesh lint', () => {
  it('exits 0 with only warnings, and 1 past --max-warnings', () => {
    const file = write('warn.yaml', warningSpec);
    const clean = hamesh('lint', file);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('✖ 1 problem (0 errors, 1 warning)');
    const strict = hamesh('lint', '--max-warnings', '0', file);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toBe('hamesh: 1 warnings, more than --max-warnings 0\n');
    expect(hamesh('lint', '--max-warnings', '1', file).code).toBe(0);
  });

  it('exits 1 on errors and prints the JSON contract', () => {
    const result = hamesh('lint', '--format', 'json', 'examples/broken-ha.yaml');
    expect(result.code).toBe(1);
    const first = json(result.stdout).diagnostics[0]!;
    expect(Object.keys(first)).toEqual(['rule', 'severity', 'message', 'path', 'file', 'line', 'column']);
    expect(first).toMatchObject({
      rule: 'zone-spread',
      severity: 'error',
      path: '/zones',
      file: 'examples/broken-ha.yaml',
      line: 7,
      column: 1,
    });
  });

  it('says so when there is nothing to report', () => {
    const file = write(
      'ok.yaml',
      'apiVersion: hamesh.dev/v1\nkind: System\nmetadata: {name: ok}\ndefaults: {probes: {readiness: /ready}}\nservices: {a: {image: "a:1"}}\n',
    );
    const result = hamesh('lint', file);
    expect([result.code, result.stdout]).toEqual([0, `${file}: no problems\n`]);
  });

  it('reports validation errors instead of linting, exit 1', () => {
    const file = write(
      'invalid.yaml',
      'apiVersion: hamesh.dev/v1\nkind: System\nmetadata: {name: bad}\nservices: {a: {image: "a:1", calls: [b]}}\n',
    );
    const result = hamesh('lint', '--format', 'json', file);
    expect(result.code).toBe(1);
    expect(json(result.stdout).diagnostics.map((d) => [d.rule, d.path, d.line])).toEqual([
      ['unknown-reference', '/services/a/calls/0', 4],
    ]);
  });

  it('exits 2 for unusable input and bad flags, without a stack trace', () => {
    const missing = hamesh('lint', 'nope.yaml');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('nope.yaml: error: cannot read the file: it does not exist or is not readable\n');
    expect(hamesh('lint', '--max-warnings', 'many', 'examples/shop/system.ts').code).toBe(2);
    expect(hamesh('lint', '--format', 'xml', 'examples/shop/system.ts').code).toBe(2);
    const policy = hamesh('lint', '--policy', 'nope.policy.yaml', 'examples/shop/system.ts');
    expect([policy.code, policy.stderr]).toEqual([
      2,
      'nope.policy.yaml: error: cannot read the policy file: it does not exist or is not readable\n',
    ]);
  });

  it('applies an organisation policy as a floor', () => {
    // The example policy's requireProbes and minimums hold for every shop service.
    expect(
      hamesh('lint', '--max-warnings', '0', '--policy', 'examples/hamesh.policy.yaml', 'examples/shop/system.ts').code,
    ).toBe(0);
    const strict = write('strict.policy.yaml', 'rules:\n  orphan-event: error\n');
    const result = hamesh('lint', '--format', 'json', '--policy', strict, write('warn.yaml', warningSpec));
    expect(result.code).toBe(1);
    expect(json(result.stdout).diagnostics.map((d) => [d.rule, d.severity])).toEqual([['orphan-event', 'error']]);
  });

  it('reports an invalid organisation policy, located in it, and lints nothing', () => {
    const file = write(
      'bad.policy.yaml',
      'rules:\n  min-replica: off\nsuppress:\n  - rule: min-replicas\n    path: /services\n',
    );
    const result = hamesh('lint', '--format', 'json', '--policy', file, 'examples/broken-ha.yaml');
    expect(result.code).toBe(1);
    expect(json(result.stdout).diagnostics.map((d) => [d.rule, d.path, d.file, d.line, d.column, d.message])).toEqual([
      ['schema', '/suppress/0', file, 4, 5, "is missing the required key 'reason'"],
    ]);
    const unknown = write('unknown.policy.yaml', 'rules:\n  min-replica: off\n');
    const second = hamesh('lint', '--format', 'json', '--policy', unknown, 'examples/broken-ha.yaml');
    expect(json(second.stdout).diagnostics.map((d) => [d.rule, d.path, d.file, d.line, d.column])).toEqual([
      ['policy-config', '/rules/min-replica', unknown, 2, 3],
    ]);
  });
});

describe('locating many findings (issue 9, item 14)', () => {
  it("reads each finding's line and column from the parse, never building the yaml library's document", () => {
    // The document (and, before it, a scan of every key per finding) made 100,000 findings take minutes and GiB.
    const count = 2000;
    const services = Object.fromEntries(
      Array.from({ length: count }, (_, i) => [
        `s${i}`,
        { image: `r/s${i}:1`, replicas: 3, probes: { liveness: '/live' } },
      ]),
    );
    const file = write(
      'many.yaml',
      dump({ apiVersion: 'hamesh.dev/v1', kind: 'System', metadata: { name: 'm' }, services }),
    );
    // Reports, at exit, whether any module of the `yaml` library was loaded.
    const probe = write(
      'probe.mjs',
      `import { createRequire } from 'node:module';
process.on('exit', () => {
  const loaded = Object.keys(createRequire(import.meta.url).cache).some((m) => /[\\/]node_modules[\\/]yaml[\\/]/.test(m));
  process.stderr.write(\`yaml library loaded: \${loaded}\\n\`);
});
`,
    );
    const run = spawnSync(process.execPath, ['--import', probe, 'bin/hamesh.js', 'lint', file, '--format', 'json'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    expect(run.stderr).toBe('yaml library loaded: false\n');
    const { diagnostics } = json(run.stdout);
    expect(diagnostics).toHaveLength(count);
    // Each service takes 5 lines from line 6; its finding is at its `probes` key, the fourth.
    diagnostics.forEach((d, i) => {
      expect(d).toMatchObject({ rule: 'missing-probes', path: `/services/s${i}/probes`, line: 5 * i + 9, column: 5 });
    });
  });
});

describe('hamesh rules and explain', () => {
  it('lists every diagnostic id grouped by stage, as text and JSON', () => {
    const text = hamesh('rules');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^ {2}availability-target +error +A service's estimated availability/m);
    const headings = text.stdout
      .split('\n')
      .filter((line) => /^\S/.test(line))
      .map((line) => line.split(' ')[0]);
    expect(headings).toEqual(['load', 'validate', 'lint', 'render', 'verify', 'write', 'diff']);
    const validateGroup = text.stdout.slice(text.stdout.indexOf('\nvalidate '), text.stdout.indexOf('\nlint '));
    expect(validateGroup).toMatch(/^ {2}schema +error/m);
    const rules = (
      JSON.parse(hamesh('rules', '--format', 'json').stdout) as { rules: Array<{ id: string; severity: string }> }
    ).rules;
    expect(rules.find((r) => r.id === 'retry-amplification')).toMatchObject({
      severity: 'warning',
      stage: 'lint',
      configurable: true,
      options: { max: { default: 10 } },
    });
    expect(rules.find((r) => r.id === 'http-only')).toMatchObject({
      severity: 'warning',
      stage: 'lint',
      configurable: true,
    });
    expect(rules.find((r) => r.id === 'topic-name')).toMatchObject({
      severity: 'error',
      stage: 'render',
      configurable: false,
    });
  });
  it('explains an id of any stage, saying when a policy cannot change it', () => {
    const result = hamesh('explain', 'unknown-reference');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('unknown-reference (error by default)');
    expect(result.stdout).toContain(
      "'unknown-reference' (validate) means the spec cannot be built: it is always an error and cannot be turned off or suppressed",
    );
    expect(hamesh('explain', 'nats-compaction').stdout).not.toContain('cannot be built');
  });
  it('explains a rule', () => {
    const result = hamesh('explain', 'spof-dependency');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('spof-dependency (error by default)');
    expect(result.stdout).toContain('How to fix\nGive the dependency at least 2 replicas');
  });
  it('explains the workload diagnostics too: what happens to an image whose USER is root', () => {
    const result = hamesh('explain', 'pod-security');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('CreateContainerConfigError');
    expect(result.stdout).toContain('security.runAsUser');
  });
  it('exits 2 with a suggestion for an unknown rule', () => {
    const result = hamesh('explain', 'spof-dependancy');
    expect([result.code, result.stderr]).toEqual([
      2,
      "hamesh: unknown rule 'spof-dependancy' (did you mean 'spof-dependency'?); run `hamesh rules` to list them\n",
    ]);
  });
});
