import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { root } from '../helpers/cli.js';
import { schemaStoreErrors } from '../helpers/schemastore.js';
import { shopProject } from '../helpers/spec.js';
import { tempDir } from '../helpers/tmp.js';

interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  with?: Record<string, string>;
  shell?: string;
  env?: Record<string, string>;
  run?: string;
}
interface Action {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as Action;

/** What a run of the action did, as the GitHub runner would show it. */
interface ActionRun {
  /** Every step's stdout in order (the workflow commands, i.e. the annotations, among them). */
  log: string;
  /** The job summary: each step's GITHUB_STEP_SUMMARY file, concatenated. */
  summary: string;
  /** The `uses:` steps whose `if:` held, with their evaluated `with:`. */
  used: Array<{ uses: string; with: Record<string, string> }>;
  outputs: Record<string, string>;
  /** The step that failed, and its exit code; undefined when the action succeeded. */
  failed?: { step: string; code: number };
}

/**
 * Runs action.yml's steps the way the runner does, against `cwd` (the workspace): each `run:` in
 * `bash --noprofile --norc -eo pipefail` with the step's `env:` evaluated, GITHUB_ACTION_PATH at this repository,
 * its own GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, and later steps skipped after a failure. `uses:` steps (Node
 * set-up, SARIF upload) are not run here: their `if:` is evaluated and they are recorded. Only the expressions the
 * action uses are understood (`inputs.X`, `steps.ID.outputs.X`, `==`/`!=` against a string literal, `&&`); any
 * other throws, so the test always knows what it ran.
 */
function runAction(given: Record<string, string>, cwd: string): ActionRun {
  const inputs = Object.fromEntries(
    Object.entries(action.inputs).map(([name, input]) => [name, given[name] ?? input.default ?? '']),
  );
  const stepOutputs: Record<string, Record<string, string>> = {};
  const value = (reference: string): string => {
    const input = /^inputs\.([\w-]+)$/.exec(reference);
    if (input) return inputs[input[1]!] ?? '';
    const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(reference);
    if (output) return stepOutputs[output[1]!]?.[output[2]!] ?? '';
    throw new Error(`unsupported expression ${reference}`);
  };
  const condition = (expression: string): boolean =>
    expression.split(' && ').every((term) => {
      const match = /^([\w.-]+) (==|!=) '([^']*)'$/.exec(term.trim());
      if (!match) throw new Error(`unsupported condition ${term}`);
      return (value(match[1]!) === match[3]) === (match[2] === '==');
    });
  const evaluate = (text: string): string =>
    text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_all, expression: string) =>
      /[=&]/.test(expression) ? String(condition(expression)) : value(expression),
    );

  const { dir: scratch } = tempDir();
  const run: ActionRun = { log: '', summary: '', used: [], outputs: {} };
  for (const [index, step] of action.runs.steps.entries()) {
    if (step.if !== undefined && evaluate(step.if) !== 'true') continue;
    if (step.uses !== undefined) {
      const evaluated = Object.entries(step.with ?? {}).map(([k, v]) => [k, evaluate(String(v))]);
      run.used.push({ uses: step.uses, with: Object.fromEntries(evaluated) });
      continue;
    }
    const files = {
      GITHUB_OUTPUT: join(scratch, `output-${index}`),
      GITHUB_STEP_SUMMARY: join(scratch, `summary-${index}`),
    };
    for (const file of Object.values(files)) writeFileSync(file, '');
    const script = join(scratch, `step-${index}.sh`);
    writeFileSync(script, step.run!);
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, evaluate(String(v))]));
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
      cwd,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NO_COLOR: '1',
        GITHUB_ACTION_PATH: root,
        ...files,
        ...env,
      },
      timeout: 120_000,
    });
    run.log += result.stdout;
    run.summary += readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8');
    if (step.id !== undefined) {
      const lines = readFileSync(files.GITHUB_OUTPUT, 'utf8').split('\n').filter(Boolean);
      stepOutputs[step.id] = Object.fromEntries(lines.map((line) => line.split(/=(.*)/s, 2) as [string, string]));
    }
    if (result.status !== 0) {
      run.failed = { step: step.name ?? `#${index}`, code: result.status ?? -1 };
      break;
    }
  }
  for (const [name, output] of Object.entries(action.outputs)) run.outputs[name] = evaluate(output.value);
  return run;
}

describe('action.yml', () => {
  it("is valid action metadata (SchemaStore's github-action.json): a composite action on Node 20", () => {
    expect(schemaStoreErrors('github-action', action)).toEqual([]);
    // The schema has teeth: a composite step that runs a script must name its shell.
    const shellless = { ...action, runs: { using: 'composite', steps: [{ run: 'hamesh lint' }] } };
    expect(schemaStoreErrors('github-action', shellless)).not.toEqual([]);
    expect(action.runs.using).toBe('composite');
    expect(action.runs.steps[0]).toMatchObject({
      uses: 'actions/setup-node@v5',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JavaScript template
      with: { 'node-version': '${{ inputs.node-version }}' },
    });
    expect(action.inputs['node-version']!.default).toBe('20');
    // Inputs reach the scripts through env: only, never spliced into the script text (no script injection).
    for (const step of action.runs.steps) expect(step.run ?? '').not.toContain('${{');
  });

  describe('run against the shop example', () => {
    const { dir } = tempDir();
    beforeAll(() => {
      shopProject(dir);
      copyFileSync(join(root, 'examples/broken-ha.yaml'), join(dir, 'broken-ha.yaml'));
    });

    it('passes on a clean spec with an up-to-date output folder: no annotations, a Markdown job summary', () => {
      const run = runAction({}, dir);
      expect(run.failed).toBeUndefined();
      expect(run.log).not.toMatch(/^::(error|warning)/m);
      expect(run.log).toMatch(/^deploy is up to date \(\d+ files\)$/m);
      expect(run.summary).toContain('## hamesh lint — system.yaml');
      expect(run.summary).toContain('## hamesh build — system.yaml');
      expect(run.outputs).toEqual({ 'lint-exit-code': '0', 'check-exit-code': '0', 'sarif-file': '' });
      expect(run.used.map((u) => u.uses)).toEqual(['actions/setup-node@v5']);
      expect(existsSync(join(dir, 'hamesh.sarif'))).toBe(false);
    });

    it('annotates lint findings, summarises them, writes and uploads SARIF, and fails at the end', () => {
      const run = runAction(
        { spec: 'broken-ha.yaml', formats: 'github, markdown', 'upload-sarif': 'true', check: 'false' },
        dir,
      );
      expect(run.failed).toEqual({ step: 'Result', code: 1 });
      expect(run.log).toMatch(/^::error file=broken-ha\.yaml,line=7,col=1,title=zone-spread::\/zones: lists 2 zone/m);
      expect(run.summary).toContain('## hamesh lint — broken-ha.yaml\n\n**17 errors**');
      expect(run.summary).toContain('| ❌ error | `zone-spread` | [broken-ha.yaml:7](broken-ha.yaml#L7) |');
      expect(run.outputs).toMatchObject({ 'lint-exit-code': '1', 'check-exit-code': '', 'sarif-file': 'hamesh.sarif' });
      const sarif = JSON.parse(readFileSync(join(dir, 'hamesh.sarif'), 'utf8'));
      expect(sarif.runs[0].results.length).toBeGreaterThan(0);
      expect(run.used).toContainEqual({
        uses: 'github/codeql-action/upload-sarif@v4',
        with: { sarif_file: 'hamesh.sarif' },
      });
    });

    it('reports drift of the output folder as an annotation on the stale file and fails', () => {
      const spec = join(dir, 'system.yaml');
      const original = readFileSync(spec, 'utf8');
      writeFileSync(spec, original.replace('replicas: 3\n', 'replicas: 4\n'));
      try {
        const run = runAction({ formats: 'github' }, dir);
        expect(run.failed).toEqual({ step: 'Result', code: 1 });
        expect(run.outputs).toMatchObject({ 'lint-exit-code': '0', 'check-exit-code': '1' });
        expect(run.log).toMatch(/^::error file=deploy\/[\w/-]+\/kubernetes\.yaml,.*title=drift::/m);
        expect(run.summary).toBe('');
      } finally {
        writeFileSync(spec, original);
      }
    });

    it('takes a hamesh.config in a subfolder with `config`, its paths relative to it and annotations to the workspace', () => {
      const { dir: workspace } = tempDir();
      const project = join(workspace, 'services', 'shop');
      mkdirSync(project, { recursive: true });
      shopProject(project);
      const clean = runAction({ config: 'services/shop/hamesh.config.yaml' }, workspace);
      expect(clean.failed).toBeUndefined();
      expect(clean.summary).toContain('## hamesh lint — services/shop/system.yaml');
      const spec = join(project, 'system.yaml');
      writeFileSync(spec, readFileSync(spec, 'utf8').replace('replicas: 3\n', 'replicas: 4\n'));
      const drift = runAction({ config: 'services/shop/hamesh.config.yaml', formats: 'github' }, workspace);
      expect(drift.failed).toEqual({ step: 'Result', code: 1 });
      expect(drift.log).toMatch(/^::error file=services\/shop\/deploy\/[\w/-]+\/kubernetes\.yaml,.*title=drift::/m);
    });

    it('stops at unusable input (exit 2) and at an unknown format, before the upload and the check', () => {
      const missing = runAction({ spec: 'nowhere.yaml', 'upload-sarif': 'true' }, dir);
      expect(missing.failed).toEqual({ step: 'hamesh lint', code: 2 });
      expect(missing.used.map((u) => u.uses)).toEqual(['actions/setup-node@v5']);
      const unknown = runAction({ formats: 'github,junit' }, dir);
      expect(unknown.failed).toEqual({ step: 'hamesh lint', code: 2 });
      expect(unknown.log).toContain("::error title=hamesh action::formats: unknown format 'junit'");
    });
  });
});
