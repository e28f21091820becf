import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatGithub } from '../../src/cli/github.js';
import { formatMarkdown } from '../../src/cli/markdown.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const { dir } = tempDir();
const hamesh = (...args: string[]) => runCli(args);
const finding: Diagnostic = {
  rule: 'min-replicas',
  severity: 'error',
  message: "'a' runs 1 replica,\n100% | one",
  path: '/services/a',
  file: 'spec.yaml',
  line: 3,
  column: 5,
};

describe('--format github', () => {
  it('writes one workflow command per finding, escaped as the runner expects', () => {
    expect(
      formatGithub(
        [
          finding,
          {
            ...finding,
            severity: 'note',
            rule: 'policy-floor',
            environment: 'dev',
            line: undefined,
            column: undefined,
          },
        ],
        process.cwd(),
      ),
    ).toBe(
      "::error file=spec.yaml,line=3,col=5,title=min-replicas::/services/a: 'a' runs 1 replica,%0A100%25 | one\n" +
        "::notice file=spec.yaml,title=policy-floor [dev]::/services/a: 'a' runs 1 replica,%0A100%25 | one\n",
    );
  });

  it('annotates lint, validate and build --check findings', () => {
    const lint = hamesh('lint', '--format', 'github', 'examples/broken-ha.yaml');
    expect(lint.code).toBe(1);
    expect(lint.stdout).toContain('::error file=examples/broken-ha.yaml,line=44,col=13,title=call-cycle::');
    expect(hamesh('validate', '--format', 'github', 'examples/broken.yaml').stdout).toMatch(
      /^::error file=examples\/broken.yaml,line=\d+,col=\d+,title=/m,
    );
  });
});

describe('--format markdown', () => {
  afterEach(() => vi.unstubAllEnvs());
  const outsideActions = () => {
    for (const name of ['GITHUB_SERVER_URL', 'GITHUB_REPOSITORY', 'GITHUB_SHA']) vi.stubEnv(name, undefined);
  };

  it('counts, tabulates with links to the lines, and escapes table cells', () => {
    outsideActions();
    expect(formatMarkdown([finding], process.cwd(), 'hamesh lint', ['### Graph'])).toBe(
      [
        '## hamesh lint',
        '',
        '**1 error**, 0 warnings, 0 notes',
        '',
        '| Severity | Rule | Where | Finding |',
        '| --- | --- | --- | --- |',
        "| ❌ error | `min-replicas` | [spec.yaml:3](spec.yaml#L3) | `/services/a` 'a' runs 1 replica, 100% \\| one |",
        '',
        '### Graph',
        '',
      ].join('\n'),
    );
  });

  it('links to the commit on GitHub Actions', () => {
    vi.stubEnv('GITHUB_SERVER_URL', 'https://github.com');
    vi.stubEnv('GITHUB_REPOSITORY', 'acme/shop');
    vi.stubEnv('GITHUB_SHA', 'abc123');
    expect(formatMarkdown([finding], process.cwd(), 'hamesh lint')).toContain(
      '[spec.yaml:3](https://github.com/acme/shop/blob/abc123/spec.yaml#L3)',
    );
  });

  it('embeds the graph of the spec in a lint report', () => {
    const result = hamesh('lint', '--format', 'markdown', 'examples/shop/system.yaml');
    expect(result.stdout).toContain('## hamesh lint — examples/shop/system.yaml');
    expect(result.stdout).toContain('### Graph of examples/shop/system.yaml\n\n```mermaid\nflowchart LR\n');
  });
});

describe('--output FORMAT=FILE', () => {
  it('writes several formats in one run, and rejects a bad value', () => {
    const sarif = join(dir, 'lint.sarif');
    const github = join(dir, 'lint.github');
    const result = hamesh(
      'lint',
      'examples/broken-ha.yaml',
      '--output',
      `sarif=${sarif}`,
      '--output',
      `github=${github}`,
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('✖ 27 problems');
    expect(JSON.parse(readFileSync(sarif, 'utf8')).version).toBe('2.1.0');
    expect(readFileSync(github, 'utf8').split('\n').filter(Boolean)).toHaveLength(27);
    const bad = hamesh('lint', 'examples/broken-ha.yaml', '--output', 'yaml=x');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('expected FORMAT=FILE');
  });
});
