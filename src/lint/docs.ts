import { allCodes, isConfigurable, ruleOptions, type Code, type Stage } from '../diagnostics/codes.js';
import { sortBy } from '../util/order.js';

/**
 * The judgements: the lint rules, the warnings of `hamesh build`'s later stages (configured and suppressed the same
 * way), and `hamesh diff`'s unsafe-change rules (configured the same way, never suppressed).
 */
const documented = sortBy(allCodes.filter(isConfigurable), (meta) => meta.id);
/** Which command reports a judgement that is not a lint rule. */
const reportedBy: Partial<Record<Stage, string>> = {
  render: '*`hamesh build`:* ',
  write: '*`hamesh build --out`:* ',
  diff: '*`hamesh diff`:* ',
};
/** Where a suppression's `path` points for a stage's findings (the output folder's are at the root). */
const suppressPath: Partial<Record<Stage, string>> = { render: '/services/NAME/patches', write: '""' };
const optionsOf = (meta: (typeof documented)[number]) => Object.entries(ruleOptions(meta));

/** The README's rule list (between `<!-- rules:start -->` and `<!-- rules:end -->`), generated from each rule's meta. */
export function rulesMarkdown(): string {
  const escapeCell = (text: string) => text.replace(/\|/g, '\\|');
  const rows = documented.map((meta) => {
    const options = optionsOf(meta).map(([name, o]) => `\`${name}\` (default ${o.default})`);
    return `| \`${meta.id}\` | ${meta.severity} | ${reportedBy[meta.stage] ?? ''}${escapeCell(meta.description)}${options.length ? ` Options: ${options.join(', ')}.` : ''} |`;
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

/** What a stage's findings are about, on the page of an id that is not a configurable rule. */
const stageNotes: Record<Exclude<Stage, 'lint' | 'diff'>, string> = {
  load: 'Reported when a file cannot be read or parsed: the command exits 2 (unusable input).',
  validate: 'Reported by `hamesh validate` (and before `lint` and `build`) when the spec itself is wrong.',
  render: 'Reported by `hamesh build` while it renders the spec into manifests.',
  verify:
    'Reported by `hamesh build` when a rendered object fails its upstream schema (turn the check off with `--no-verify`).',
  write: 'Reported by `hamesh build --out DIR` (and `--check`) about the output folder.',
};

/** The page of an id that is not a configurable rule: what it means and how to fix it. */
function findingPage(code: Code & { stage: keyof typeof stageNotes }): string[] {
  return [
    `# \`${code.id}\``,
    '',
    `**Stage:** ${code.stage} · **Severity:** ${code.severity}`,
    '',
    code.description,
    '',
    stageNotes[code.stage],
    'It is not a lint judgement: `policy.rules` cannot change it and `policy.suppress` cannot hide it.',
    '',
    '## How to fix',
    '',
    code.fix,
    '',
  ];
}

/** `docs/rules/<id>.md`: one page per catalogue id (the SARIF `helpUri` of each rule), generated from its meta. */
export function rulePages(): Array<{ file: string; content: string }> {
  const findings = allCodes
    .filter((code): code is Code & { stage: keyof typeof stageNotes } => !isConfigurable(code))
    .map((code) => ({
      file: `${code.id}.md`,
      content: [
        '<!-- Generated from the catalogue (src/diagnostics/codes.ts) by `npm run docs:rules`; a test fails when it drifts. -->',
        ...findingPage(code),
      ].join('\n'),
    }));
  return sortBy([...findings, ...configurablePages()], (page) => page.file);
}

function configurablePages(): Array<{ file: string; content: string }> {
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
      ...(meta.stage === 'diff'
        ? diffConfiguration(meta.id)
        : lintConfiguration(meta.id, suppressPath[meta.stage] ?? '/services/NAME')),
    ];
    return { file: `${meta.id}.md`, content: lines.join('\n') };
  });
}

const lintConfiguration = (id: string, path: string) => [
  '## Configure or suppress',
  '',
  '```yaml',
  'policy:',
  '  rules:',
  `    ${id}: warning        # or error, off`,
  '  suppress:',
  `    - {rule: ${id}, path: ${path}, reason: "why", expires: "YYYY-MM-DD"}`,
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
