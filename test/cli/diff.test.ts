import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
