import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { shopExample, shopVersion, shopYaml, type ShopData } from '../helpers/spec.js';
import { tempDir } from '../helpers/tmp.js';

/** Every unsafe-change rule at once. */
const unsafe = (s: ShopData) => {
  s.events['order.created'].partitions = 3;
  s.events['payment.completed'].partitions = 12;
  s.events['inventory.reserved'].replication = 2;
  delete s.events['order.shipped'];
  s.services.shipping.publishes = [];
  delete s.services.notifications.subscribes['order.shipped'];
  s.events['order.created'].schema.properties.total.type = 'string';
  s.services.checkout.calls = ['payments'];
};

/** OLD and NEW side by side in a fresh folder, named relatively (so the report is the same on any machine). */
function versions(edit: (s: ShopData) => void) {
  const { dir } = tempDir();
  copyFileSync(shopYaml, join(dir, 'old.yaml'));
  shopVersion(edit, 'new.yaml', dir);
  return dir;
}

const git = (cwd: string, ...args: string[]) =>
  execFileSync(
    'git',
    ['-c', 'user.name=hamesh', '-c', 'user.email=hamesh@example.com', '-c', 'init.defaultBranch=main', ...args],
    { cwd, stdio: 'pipe' },
  );

describe('hamesh diff OLD NEW', () => {
  it('prints the Markdown report of every unsafe-change rule and exits 1', async () => {
    const cwd = versions(unsafe);
    const result = runCli(['diff', 'old.yaml', 'new.yaml', '--format', 'markdown'], { cwd });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    await expect(result.stdout).toMatchFileSnapshot('__snapshots__/diff-shop.md');
  });

  it('text output lists the spec changes, the cluster objects and the unsafe changes', () => {
    const cwd = versions(unsafe);
    const { stdout, code } = runCli(['diff', 'old.yaml', 'new.yaml'], { cwd });
    expect(code).toBe(1);
    expect(stdout).toContain('~ event order.created: partitions 6 → 3');
    expect(stdout).toContain('- caller checkout → cart');
    expect(stdout).toContain('- KafkaTopic kafka/order-shipped');
    for (const rule of [
      'partitions-decrease',
      'partitions-increase-keyed',
      'replication-change',
      'event-removed-with-subscribers',
      'payload-breaking',
      'caller-removed',
    ]) {
      expect(stdout).toContain(rule);
    }
  });

  it('JSON carries the changes, the objects and the findings; a change with only notes exits 0', () => {
    const cwd = versions((s) => (s.services.checkout.calls = ['payments']));
    const { stdout, code } = runCli(['diff', 'old.yaml', 'new.yaml', '--format', 'json'], { cwd });
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.runs[0].changes).toEqual([
      { change: 'removed', subject: 'caller checkout → cart', text: '- caller checkout → cart' },
    ]);
    expect(report.runs[0].objects).toEqual([
      {
        change: 'changed',
        object: 'AuthorizationPolicy shop/cart',
        file: 'manifests/services/cart/istio.yaml',
        fields: ['spec.rules.0.from.0.source.principals'],
      },
      {
        change: 'changed',
        object: 'Sidecar shop/checkout',
        file: 'manifests/services/checkout/istio.yaml',
        fields: ['spec.egress.0.hosts'],
      },
    ]);
    expect(report.diagnostics).toEqual([
      expect.objectContaining({
        rule: 'caller-removed',
        severity: 'note',
        path: '/services/checkout/calls',
        file: 'new.yaml',
      }),
    ]);
  });

  it('a version that does not build is unusable input (exit 2), with its located errors', () => {
    const cwd = versions((s) => (s.services.cart.replicas = 'three'));
    const { stderr, code } = runCli(['diff', 'old.yaml', 'new.yaml'], { cwd });
    expect(code).toBe(2);
    expect(stderr).toContain('cannot compare: new.yaml does not build');
    expect(stderr).toMatch(/new\.yaml:\d+:\d+ +error +\/services\/cart\/replicas must be an integer +schema/);
  });

  it('needs two files, or one with --base', () => {
    const { stderr, code } = runCli(['diff', shopYaml]);
    expect(code).toBe(2);
    expect(stderr).toContain('give the two versions to compare (OLD NEW), or one FILE with --base REF');
  });
});

describe('hamesh diff for CI: --format github|sarif and --output FORMAT=FILE', () => {
  it('annotates each unsafe change on its line in the new version, and writes every other format from the same run', () => {
    const cwd = versions(unsafe);
    const outputs = ['sarif=diff.sarif', 'markdown=diff.md', 'json=diff.json', 'text=diff.txt'];
    const result = runCli(
      ['diff', 'old.yaml', 'new.yaml', '--format', 'github', ...outputs.flatMap((o) => ['--output', o])],
      {
        cwd,
      },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const { diagnostics } = JSON.parse(readFileSync(join(cwd, 'diff.json'), 'utf8')) as {
      diagnostics: Array<{ rule: string; severity: string; path: string; line: number; column: number }>;
    };
    const annotations = result.stdout.split('\n').filter((line) => line.startsWith('::'));
    expect(annotations).toHaveLength(diagnostics.length);
    const level = { error: 'error', warning: 'warning', note: 'notice' } as Record<string, string>;
    for (const d of diagnostics) {
      const prefix = `::${level[d.severity]} file=new.yaml,line=${d.line},col=${d.column},title=${d.rule}::${d.path}: `;
      expect(
        annotations.some((a) => a.startsWith(prefix)),
        prefix,
      ).toBe(true);
    }
    expect(diagnostics.map((d) => `${d.rule} ${d.path}`)).toContain(
      'partitions-decrease /events/order.created/partitions',
    );
    expect(result.stdout).toMatch(
      /\nhamesh diff: old\.yaml → new\.yaml: \d+ spec change\(s\), \d+ cluster object change\(s\), 5 unsafe change\(s\)\n$/,
    );
    // Each --output is what --format would print.
    for (const format of ['markdown', 'text'] as const)
      expect(readFileSync(join(cwd, `diff.${format === 'markdown' ? 'md' : 'txt'}`), 'utf8')).toBe(
        runCli(['diff', 'old.yaml', 'new.yaml', '--format', format], { cwd }).stdout,
      );
    const sarif = JSON.parse(readFileSync(join(cwd, 'diff.sarif'), 'utf8')) as Log;
    expect(sarif.runs).toHaveLength(1);
    const [run] = sarif.runs;
    expect(run!.automationDetails).toEqual({ id: 'hamesh/diff/new.yaml/' });
    expect(run!.results!.map((r) => r.ruleId).sort()).toEqual(diagnostics.map((d) => d.rule).sort());
    for (const r of run!.results!) {
      expect(r.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe('new.yaml');
      expect(r.partialFingerprints!['hameshFinding/v1']).toMatch(/^[0-9a-f]{64}$/);
      expect(run!.tool.driver.rules![r.ruleIndex!]!.helpUri).toBe(`https://hamesh.dev/docs/rules/${r.ruleId}.md`);
    }
  });

  it('a safe change gives no annotation and exits 0; a bad --output is a usage error', () => {
    const cwd = versions((s) => (s.services.cart.replicas = 4));
    const safe = runCli(['diff', 'old.yaml', 'new.yaml', '--format', 'sarif'], { cwd });
    expect(safe.code).toBe(0);
    expect((JSON.parse(safe.stdout) as Log).runs[0]!.results).toEqual([]);
    const bad = runCli(['diff', 'old.yaml', 'new.yaml', '--output', 'yaml=x'], { cwd });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('expected FORMAT=FILE with FORMAT one of text, json, sarif, github, markdown');
  });
});

/** A fresh git repository with `source` committed as `name` on branch main. */
function repoWith(source: string, name: string): string {
  const { dir } = tempDir();
  git(dir, 'init', '-q');
  copyFileSync(source, join(dir, name));
  git(dir, 'add', '.');
  git(dir, 'commit', '-qm', 'shop');
  return dir;
}

describe('hamesh diff --base REF FILE', () => {
  it('compares a YAML spec with its committed version', () => {
    const dir = repoWith(shopYaml, 'system.yaml');
    shopVersion((s) => (s.events['order.created'].partitions = 3), 'system.yaml', dir);
    const { stdout, code } = runCli(['diff', '--base', 'main', 'system.yaml', '--format', 'json'], { cwd: dir });
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.before).toBe('system.yaml at main');
    expect(report.diagnostics).toEqual([expect.objectContaining({ rule: 'partitions-decrease', file: 'system.yaml' })]);
  });

  it("compares a TypeScript spec with its committed version (loaded from the revision's tree)", () => {
    const dir = repoWith(shopExample, 'system.ts');
    const file = join(dir, 'system.ts');
    writeFileSync(file, readFileSync(file, 'utf8').replace("'payments', 'cart'", "'payments'"));
    const { stdout, code } = runCli(['diff', '--base', 'HEAD', 'system.ts'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toContain('- caller checkout → cart');
    expect(stdout).toContain('caller-removed');
  });

  it('an unknown revision or a file missing there is unusable input (exit 2)', () => {
    const dir = repoWith(shopYaml, 'system.yaml');
    const unknown = runCli(['diff', '--base', 'no-such-branch', 'system.yaml'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no-such-branch:system.yaml: error: cannot read it from git');
    copyFileSync(shopYaml, join(dir, 'other.yaml'));
    const missing = runCli(['diff', '--base', 'main', 'other.yaml'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('main:other.yaml: error: cannot read it from git (git show)');
  });
});
