import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { tally } from './report.js';
import { artifactPath } from './sarif.js';

const icon = { error: '❌ error', warning: '⚠️ warning', note: 'ℹ️ note' } as const;

/** A table cell: no line breaks, `|` escaped. */
const cell = (text: string) => text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');

/** A link to the line: on GitHub Actions a permalink to the commit's blob, elsewhere a relative path. */
function lineLink(d: Diagnostic, cwd: string): string {
  if (d.file === undefined) return '';
  const path = artifactPath(d.file, cwd);
  const label = `${path}${d.line !== undefined ? `:${d.line}` : ''}`;
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_SHA: sha } = process.env;
  const anchor = d.line !== undefined ? `#L${d.line}` : '';
  const target =
    server && repository && sha && !path.startsWith('/')
      ? `${server}/${repository}/blob/${sha}/${path}${anchor}`
      : `${path}${anchor}`;
  return `[${cell(label)}](${encodeURI(target)})`;
}

/**
 * A job summary or pull-request comment: the counts, a table of findings linking to their lines, then whatever
 * `sections` follow (the graph of the system, a build summary).
 */
export function formatMarkdown(
  diagnostics: readonly Diagnostic[],
  cwd: string,
  title: string,
  sections: readonly string[] = [],
): string {
  const { errors, warnings, notes } = tally(diagnostics);
  const lines = [`## ${title}`, ''];
  if (diagnostics.length === 0) lines.push('✅ No problems found.');
  else {
    lines.push(
      `**${errors} error${errors === 1 ? '' : 's'}**, ${warnings} warning${warnings === 1 ? '' : 's'}, ${notes} note${notes === 1 ? '' : 's'}`,
      '',
    );
    lines.push('| Severity | Rule | Where | Finding |', '| --- | --- | --- | --- |');
    for (const d of diagnostics) {
      const where = `${lineLink(d, cwd)}${d.environment ? ` [${d.environment}]` : ''}`;
      lines.push(
        `| ${icon[d.severity]} | \`${d.rule}\` | ${where} | ${d.path ? `\`${cell(d.path)}\` ` : ''}${cell(d.message)} |`,
      );
    }
  }
  for (const section of sections) lines.push('', section);
  return `${lines.join('\n')}\n`;
}
