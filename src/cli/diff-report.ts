import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { describeSpecChange, type ObjectChange } from '../diff/changes.js';
import type { DiffResult } from '../diff/diff.js';
import { formatMarkdown } from './markdown.js';
import { formatText, jsonDiagnostic, printable, type Colors } from './report.js';

/** One compared environment (or the spec without environments). */
export interface DiffRun {
  environment?: string;
  result: DiffResult;
}

export interface DiffHeading {
  before: string;
  after: string;
}

const sign = { added: '+', removed: '-', changed: '~' } as const;
const FIELDS_SHOWN = 6;

/** `~ Deployment shop/cart (spec.replicas, …)`. */
function describeObject(o: ObjectChange): string {
  const fields = o.fields ?? [];
  const listed =
    fields.slice(0, FIELDS_SHOWN).join(', ') +
    (fields.length > FIELDS_SHOWN ? `, … ${fields.length - FIELDS_SHOWN} more` : '');
  return `${sign[o.change]} ${o.object}${fields.length > 0 ? ` (${listed})` : ''}`;
}

const countObjects = (objects: readonly ObjectChange[]) =>
  (['added', 'removed', 'changed'] as const)
    .map((change) => `${objects.filter((o) => o.change === change).length} ${change}`)
    .join(', ');

/** `3 spec changes, 12 cluster objects, 2 unsafe changes` over every compared environment. */
export function describeRuns(runs: readonly DiffRun[]): string {
  const sum = (count: (r: DiffRun) => number) => runs.reduce((total, r) => total + count(r), 0);
  const unsafe = sum((r) => r.result.diagnostics.filter((d) => d.severity !== 'note').length);
  return [
    `${sum((r) => r.result.changes.length)} spec change(s)`,
    `${sum((r) => r.result.objects.length)} cluster object change(s)`,
    `${unsafe} unsafe change(s)`,
  ].join(', ');
}

const allDiagnostics = (runs: readonly DiffRun[]): Diagnostic[] => runs.flatMap((r) => r.result.diagnostics);

export function formatDiffText(runs: readonly DiffRun[], heading: DiffHeading, c: Colors): string {
  const lines = [c.bold(`hamesh diff: ${printable(heading.before)} → ${printable(heading.after)}`)];
  for (const { environment, result } of runs) {
    const tag = environment ? ` [${environment}]` : '';
    lines.push('', c.bold(`Spec changes${tag}: ${result.changes.length}`));
    const colour = (text: string) =>
      text.startsWith('+') ? c.green(text) : text.startsWith('-') ? c.red(text) : c.yellow(text);
    for (const change of result.changes) lines.push(`  ${colour(printable(describeSpecChange(change)))}`);
    lines.push('', c.bold(`Cluster objects${tag}: ${countObjects(result.objects)}`));
    for (const object of result.objects) lines.push(`  ${colour(printable(describeObject(object)))}`);
  }
  const diagnostics = allDiagnostics(runs);
  lines.push(
    '',
    diagnostics.length > 0
      ? `${c.bold('Unsafe changes')}\n${formatText(diagnostics, c)}`
      : c.green('No unsafe changes.'),
  );
  return `${lines.join('\n')}\n`;
}

const code = (text: string) => `\`${text.replace(/`/g, "'").replace(/\|/g, '\\|')}\``;

/** A pull-request comment or job summary: the unsafe changes as a findings table, then the changes per environment. */
export function formatDiffMarkdown(runs: readonly DiffRun[], heading: DiffHeading, cwd: string): string {
  const sections = runs.flatMap(({ environment, result }) => {
    const tag = environment ? ` (${environment})` : '';
    const changes =
      result.changes.length > 0 ? result.changes.map((ch) => `- ${code(describeSpecChange(ch))}`) : ['No changes.'];
    const objects =
      result.objects.length > 0
        ? [
            '| Change | Object | File |',
            '| --- | --- | --- |',
            ...result.objects.map(
              (o) => `| ${sign[o.change]} ${o.change} | ${code(describeObject(o).slice(2))} | ${code(o.file)} |`,
            ),
          ]
        : ['No object changes.'];
    return [
      `### Spec changes${tag}\n\n${changes.join('\n')}`,
      `### Cluster objects${tag}: ${countObjects(result.objects)}\n\n${objects.join('\n')}`,
    ];
  });
  return formatMarkdown(allDiagnostics(runs), cwd, `hamesh diff — ${heading.before} → ${heading.after}`, sections);
}

export function formatDiffJson(runs: readonly DiffRun[], heading: DiffHeading): string {
  const shaped = runs.map(({ environment, result }) => ({
    ...(environment !== undefined && { environment }),
    changes: result.changes.map((change) => ({ ...change, text: describeSpecChange(change) })),
    objects: result.objects,
  }));
  return `${JSON.stringify({ before: heading.before, after: heading.after, runs: shaped, diagnostics: allDiagnostics(runs).map(jsonDiagnostic) }, null, 2)}\n`;
}
