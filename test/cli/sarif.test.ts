import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { Log } from 'sarif';
import { beforeAll, describe, expect, it } from 'vitest';
import { root, runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const require = createRequire(import.meta.url);
/** npm does not run the multitool's install script here, so its platform binary lacks the run bit. */
const toolDir = dirname(require.resolve(`@microsoft/sarif-multitool-${process.platform}/package.json`));
const multitool = join(toolDir, 'Sarif.Multitool');
const { dir } = tempDir();

/** The multitool exits 0 even when the log is invalid, so the problems are read from its output. */
function validateWithMultitool(log: unknown): string[] {
  const file = join(dir, `log-${Math.random().toString(36).slice(2)}.sarif`);
  writeFileSync(file, JSON.stringify(log, null, 2));
  const result = spawnSync(multitool, ['validate', file], { encoding: 'utf8', timeout: 120_000 });
  expect(result.stdout).toContain('1 files scanned');
  return `${result.stdout}${result.stderr}`.split('\n').filter((line) => /\b(error|warning) [A-Z]+\d+:/.test(line));
}

const hamesh = (...args: string[]) => runCli(args);

let log: Log;
beforeAll(() => {
  chmodSync(multitool, 0o755);
  const result = hamesh('lint', '--format', 'sarif', 'examples/broken-ha.yaml');
  expect(result.code).toBe(1);
  log = JSON.parse(result.stdout) as Log;
});

describe('hamesh lint --format sarif', () => {
  it("passes the SARIF authors' validator with no errors or warnings", () => {
    expect(validateWithMultitool(log)).toEqual([]);
  });

  it('is caught by that validator when broken (the check above can fail)', () => {
    const broken = { ...log, runs: [{ ...log.runs[0], tool: undefined }] };
    expect(validateWithMultitool(broken).join('\n')).toMatch(
      /error JSON1002: runs\[0\]: The required property 'tool' is missing/,
    );
  });

  it('validates against the SARIF 2.1.0 JSON schema', () => {
    const schema = JSON.parse(readFileSync(join(toolDir, 'sarif-2.1.0.json'), 'utf8')) as Record<string, unknown>;
    // The multitool's copy declares draft 2020-12; one of its patterns is invalid under the `u` flag.
    const ajv = new Ajv2020({ unicodeRegExp: false, strict: false, allErrors: true });
    (addFormats as unknown as (a: unknown) => void)(ajv);
    const validate = ajv.compile(schema);
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const wrongLevel = {
      ...log,
      runs: [{ ...log.runs[0], results: [{ ...log.runs[0]!.results![0], level: 'fatal' }] }],
    };
    expect(validate(wrongLevel)).toBe(false);
  });

  it('describes every rule and locates every result for code scanning', () => {
    const run = log.runs[0]!;
    const { driver } = run.tool;
    expect(driver).toMatchObject({ name: 'hamesh', informationUri: 'https://hamesh.dev' });
    const rule = driver.rules!.find((r) => r.id === 'spof-dependency')!;
    expect(rule).toMatchObject({ name: 'SpofDependency', defaultConfiguration: { level: 'error' } });
    expect(rule.help!.markdown).toContain('**How to fix:** Give the dependency at least 2 replicas');
    const result = run.results!.find((r) => r.ruleId === 'spof-dependency')!;
    expect(driver.rules![result.ruleIndex!]!.id).toBe('spof-dependency');
    expect(result.level).toBe('error');
    expect(result.locations![0]).toEqual({
      physicalLocation: {
        artifactLocation: { uri: 'examples/broken-ha.yaml' },
        region: { startLine: 55, startColumn: 5 },
      },
      logicalLocations: [{ fullyQualifiedName: '/services/sessions/replicas', kind: 'value' }],
    });
    expect(result.properties).toEqual({ jsonPointer: '/services/sessions/replicas' });
    expect(run.results).toHaveLength(27);
  });

  it('gives code scanning line-independent fingerprints, a help page per rule, every hop of graph findings and a category per spec', () => {
    const run = log.runs[0]!;
    expect(run.automationDetails).toEqual({ id: 'hamesh/lint/examples/broken-ha.yaml/' });
    expect(run.tool.driver.rules!.length).toBeGreaterThan(60);
    for (const rule of run.tool.driver.rules!) {
      expect(rule.helpUri).toBe(`https://hamesh.dev/docs/rules/${rule.id}.md`);
      expect(existsSync(join(root, 'docs/rules', `${rule.id}.md`))).toBe(true);
    }
    const fingerprints = run.results!.map((r) => r.partialFingerprints!['hameshFinding/v1']);
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
    const cycle = run.results!.find((r) => r.ruleId === 'call-cycle')!;
    expect(cycle.relatedLocations!.map((l) => l.message!.text)).toEqual([
      'ledger → orders (/services/ledger/calls/0)',
      'orders → ledger (/services/orders/calls/0)',
    ]);
    expect(cycle.relatedLocations![0]!.physicalLocation!.region!.startLine).toBe(44);
    const spof = run.results!.find((r) => r.ruleId === 'spof-dependency')!;
    expect(spof.relatedLocations!.length).toBeGreaterThan(0);
  });

  it('keeps a fingerprint when lines are added above the finding', () => {
    const file = join(dir, 'moving.yaml');
    const original = readFileSync(join(root, 'examples/broken-ha.yaml'), 'utf8');
    const spof = (text: string) => {
      writeFileSync(file, text);
      return (JSON.parse(hamesh('lint', '--format', 'sarif', file).stdout) as Log).runs[0]!.results!.find(
        (r) => r.ruleId === 'spof-dependency',
      )!;
    };
    const before = spof(original);
    const after = spof(`# a comment\n# another\n${original}`);
    expect(after.locations![0]!.physicalLocation!.region!.startLine).toBe(
      before.locations![0]!.physicalLocation!.region!.startLine! + 2,
    );
    expect(after.partialFingerprints).toEqual(before.partialFingerprints);
  });
});

describe('SARIF and annotations of validate, build --check and diff', () => {
  it('validate: passes the validator, one run per spec', () => {
    const validated = hamesh('validate', '--format', 'sarif', 'examples/broken.yaml', 'examples/broken-ha.yaml');
    expect(validated.code).toBe(1);
    const validation = JSON.parse(validated.stdout) as Log;
    expect(validateWithMultitool(validation)).toEqual([]);
    expect(validation.runs.map((r) => r.automationDetails!.id)).toEqual([
      'hamesh/validate/examples/broken.yaml/',
      'hamesh/validate/examples/broken-ha.yaml/',
    ]);
    expect(validation.runs[0]!.results!.length).toBeGreaterThan(0);
  });

  it('build --check: drift is a finding on the generated file, as an annotation and in SARIF', () => {
    const work = tempDir().dir;
    const out = join(work, 'deploy');
    expect(hamesh('build', 'examples/shop/system.yaml', '--out', out).code).toBe(0);
    const edited = join(out, 'manifests/services/cart/kubernetes.yaml');
    const lines = readFileSync(edited, 'utf8').split('\n');
    const at = lines.findIndex((line) => line.trim().startsWith('image: '));
    lines[at] = `${lines[at]}-edited`;
    writeFileSync(edited, lines.join('\n'));
    const sarifFile = join(work, 'check.sarif');
    const check = hamesh(
      'build',
      'examples/shop/system.yaml',
      '--out',
      out,
      '--check',
      '--format',
      'github',
      '--output',
      `sarif=${sarifFile}`,
    );
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(
      `::error file=${edited.replaceAll(':', '%3A')},line=${at + 1},title=drift::differs from the build at line ${at + 1}`,
    );
    const drift = JSON.parse(readFileSync(sarifFile, 'utf8')) as Log;
    expect(validateWithMultitool(drift)).toEqual([]);
    const [result] = drift.runs.flatMap((run) => run.results ?? []);
    expect(result).toMatchObject({
      ruleId: 'drift',
      level: 'error',
      locations: [
        { physicalLocation: { artifactLocation: { uri: `file://${edited}` }, region: { startLine: at + 1 } } },
      ],
    });
  });

  it('diff: the unsafe changes pass the validator, located in the new version', () => {
    const work = tempDir().dir;
    writeFileSync(join(work, 'old.yaml'), readFileSync(join(root, 'examples/shop/system.yaml')));
    writeFileSync(
      join(work, 'new.yaml'),
      readFileSync(join(root, 'examples/shop/system.yaml'), 'utf8').replace(/partitions: 6/, 'partitions: 2'),
    );
    const diffed = runCli(['diff', 'old.yaml', 'new.yaml', '--format', 'sarif'], { cwd: work });
    expect(diffed.code).toBe(1);
    const changes = JSON.parse(diffed.stdout) as Log;
    expect(validateWithMultitool(changes)).toEqual([]);
    expect(changes.runs[0]!.automationDetails).toEqual({ id: 'hamesh/diff/new.yaml/' });
    expect(changes.runs[0]!.results!.map((r) => r.ruleId)).toContain('partitions-decrease');
  });
});
