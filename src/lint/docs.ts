import { ruleMetas } from './registry.js';

/** The README's rule list (between `<!-- rules:start -->` and `<!-- rules:end -->`), generated from each rule's meta. */
export function rulesMarkdown(): string {
  const escape = (text: string) => text.replace(/\|/g, '\\|');
  const rows = ruleMetas.map((meta) => {
    const options = Object.entries(meta.options ?? {}).map(([name, o]) => `\`${name}\` (default ${o.default})`);
    return `| \`${meta.id}\` | ${meta.severity} | ${escape(meta.description)}${options.length ? ` Options: ${options.join(', ')}.` : ''} |`;
  });
  return [
    '<!-- Generated from the rules\' meta by `npm run docs:rules`; a test fails when it drifts. -->',
    '',
    '| Rule | Default | What it finds |',
    '| --- | --- | --- |',
    ...rows,
    '',
    'Run `hamesh explain RULE` for why a rule matters and how to fix its findings.',
  ].join('\n');
}

/** README text with the rules section replaced. */
export function withRulesSection(readme: string): string {
  const start = '<!-- rules:start -->';
  const end = '<!-- rules:end -->';
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md has no ${start} … ${end} section`);
  return `${readme.slice(0, from + start.length)}\n${rulesMarkdown()}\n${readme.slice(to)}`;
}

/** `docs/rules/<id>.md`: one page per rule (the SARIF `helpUri`), generated from its meta. */
export function rulePages(): Array<{ file: string; content: string }> {
  return ruleMetas.map((meta) => {
    const options = Object.entries(meta.options ?? {}).map(
      ([name, o]) => `| \`${name}\` | ${o.default} | ${o.description} An organisation policy's value is a floor: a spec may only set it ${o.stricter}. |`,
    );
    const lines = [
      `<!-- Generated from the rule's meta by \`npm run docs:rules\`; a test fails when it drifts. -->`,
      `# \`${meta.id}\``,
      '',
      `**Default severity:** ${meta.severity}`,
      '',
      meta.description,
      '',
      '## Why it matters',
      '',
      meta.rationale,
      '',
      '## How to fix',
      '',
      meta.fix,
      ...(options.length > 0 ? ['', '## Options', '', '| Option | Default | Meaning |', '| --- | --- | --- |', ...options] : []),
      '',
      '## Configure or suppress',
      '',
      '```yaml',
      'policy:',
      '  rules:',
      `    ${meta.id}: warning        # or error, off`,
      '  suppress:',
      `    - {rule: ${meta.id}, path: /services/NAME, reason: "why", expires: "YYYY-MM-DD"}`,
      '```',
      '',
    ];
    return { file: `${meta.id}.md`, content: lines.join('\n') };
  });
}
