import { allCodes, isConfigurable, ruleOptions } from '../diagnostics/codes.js';
import { sortBy } from '../util/order.js';

/** The lint rules, and `hamesh diff`'s unsafe-change rules, documented with them: configured the same way, never suppressed. */
const documented = sortBy(allCodes.filter(isConfigurable), (meta) => meta.id);
const optionsOf = (meta: (typeof documented)[number]) => Object.entries(ruleOptions(meta));

/** The README's rule list (between `<!-- rules:start -->` and `<!-- rules:end -->`), generated from each rule's meta. */
export function rulesMarkdown(): string {
  const escapeCell = (text: string) => text.replace(/\|/g, '\\|');
  const rows = documented.map((meta) => {
    const options = optionsOf(meta).map(([name, o]) => `\`${name}\` (default ${o.default})`);
    const diff = meta.stage === 'diff' ? '*`hamesh diff`:* ' : '';
    return `| \`${meta.id}\` | ${meta.severity} | ${diff}${escapeCell(meta.description)}${options.length ? ` Options: ${options.join(', ')}.` : ''} |`;
  });
  return [
    "<!-- Generated from the rules' meta by `npm run docs:rules`; a test fails when it drifts. -->",
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
  return documented.map((meta) => {
    const options = optionsOf(meta).map(
      ([name, o]) =>
        `| \`${name}\` | ${o.default} | ${o.description} An organisation policy's value is a floor: a spec may only set it ${o.stricter}. |`,
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
      ...(options.length > 0
        ? ['', '## Options', '', '| Option | Default | Meaning |', '| --- | --- | --- |', ...options]
        : []),
      '',
      ...(meta.stage === 'diff' ? diffConfiguration(meta.id) : lintConfiguration(meta.id)),
    ];
    return { file: `${meta.id}.md`, content: lines.join('\n') };
  });
}

const lintConfiguration = (id: string) => [
  '## Configure or suppress',
  '',
  '```yaml',
  'policy:',
  '  rules:',
  `    ${id}: warning        # or error, off`,
  '  suppress:',
  `    - {rule: ${id}, path: /services/NAME, reason: "why", expires: "YYYY-MM-DD"}`,
  '```',
  '',
];

const diffConfiguration = (id: string) => [
  '## Configure',
  '',
  `\`hamesh diff\` reports it when it compares two versions of a spec (\`hamesh diff --base main system.yaml\`); the new version's policy sets its severity:`,
  '',
  '```yaml',
  'policy:',
  '  rules:',
  `    ${id}: warning        # or error, off`,
  '```',
  '',
];
