import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allCodes, lintCodes } from '../../src/diagnostics/codes.js';
import { rulePages, rulesMarkdown, withRulesSection } from '../../src/lint/docs.js';
import { rules } from '../../src/lint/registry.js';
import type { Rule } from '../../src/lint/rule.js';

const rulesDir = new URL('../../src/lint/rules/', import.meta.url);

describe('the rule registry', () => {
  it('lists every rule file in rules/index.ts, each exporting the rule named after its file, and tested', async () => {
    const files = readdirSync(rulesDir)
      .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(rules.map((r) => r.meta.id)).toEqual(files);
    for (const id of files) {
      const { rule } = (await import(new URL(`${id}.ts`, rulesDir).href)) as { rule: Rule };
      expect(rule.meta.id, `src/lint/rules/${id}.ts`).toBe(id);
      expect(rules, `src/lint/rules/index.ts lists ${id}`).toContain(rule);
      expect(existsSync(new URL(`./rules/${id}.test.ts`, import.meta.url)), `test/lint/rules/${id}.test.ts`).toBe(true);
    }
  });
  it("has a rule for every lint id of the catalogue but the engine's own policy findings", () => {
    const ruleIds = new Set(rules.map((r) => r.meta.id));
    expect(lintCodes.map((c) => c.id).filter((id) => !ruleIds.has(id))).toEqual([
      'expired-suppression',
      'policy-config',
      'policy-floor',
      'unused-suppression',
    ]);
  });
  it('documents every rule: one-line description, rationale and fix', () => {
    for (const meta of lintCodes) {
      expect(meta.id).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(meta.description).not.toContain('\n');
      for (const text of [meta.description, meta.rationale, meta.fix]) expect(text.length).toBeGreaterThan(20);
    }
    expect(new Set(lintCodes.map((m) => m.id)).size).toBe(lintCodes.length);
  });
  it('has every rule id the issue names', () => {
    expect(lintCodes.map((m) => m.id)).toEqual(
      expect.arrayContaining([
        'min-replicas',
        'zone-spread',
        'disruption-budget',
        'missing-probes',
        'circuit-breaker',
        'failover-needs-outlier-detection',
        'zone-capacity',
        'spof-dependency',
        'call-cycle',
        'retry-amplification',
        'timeout-budget',
        'availability-target',
        'topic-durability',
        'broker-redundancy',
        'partitions-below-consumers',
        'orphan-event',
        'dead-letter',
        'ordered-retry',
        'expired-suppression',
        'unused-suppression',
      ]),
    );
  });
});

describe('README rules section', () => {
  it('lists every rule exactly as generated from meta (run `npm run docs:rules` to update)', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(withRulesSection(readme)).toBe(readme);
    for (const meta of lintCodes) expect(rulesMarkdown()).toContain(`| \`${meta.id}\` | ${meta.severity} |`);
  });
});

describe('docs/rules pages (the SARIF helpUri of each rule)', () => {
  it('has one page per rule, exactly as generated from meta (run `npm run docs:rules` to update)', () => {
    const folder = new URL('../../docs/rules/', import.meta.url);
    const pages = rulePages();
    // Every catalogue id has a page: the lint rules, `hamesh diff`'s unsafe-change rules and every other finding.
    expect(readdirSync(folder).sort()).toEqual(allCodes.map((code) => `${code.id}.md`).sort());
    expect(readFileSync(new URL('schema.md', folder), 'utf8')).toContain('`policy.rules` cannot change it');
    expect(readFileSync(new URL('min-replicas.md', folder), 'utf8')).toContain('## Configure or suppress');
    for (const { file, content } of pages) expect(readFileSync(new URL(file, folder), 'utf8'), file).toBe(content);
  });
});
