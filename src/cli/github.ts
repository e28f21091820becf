import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { artifactPath } from './sarif.js';

/** Escapes a workflow command's message (GitHub's toolkit: `%`, CR and LF). */
const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
/** Escapes a workflow command's property value (also `:` and `,`). */
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

const command = { error: 'error', warning: 'warning', note: 'notice' } as const;

/**
 * GitHub Actions workflow commands, one line per finding: `::error file=F,line=L,col=C,title=RULE::message`. The
 * runner turns them into annotations on the changed lines, with no code-scanning subscription needed.
 */
export function formatGithub(diagnostics: readonly Diagnostic[], cwd: string): string {
  return diagnostics
    .map((d) => {
      const properties = [
        ...(d.file !== undefined ? [`file=${escapeProperty(artifactPath(d.file, cwd))}`] : []),
        ...(d.line !== undefined ? [`line=${d.line}`] : []),
        ...(d.column !== undefined ? [`col=${d.column}`] : []),
        `title=${escapeProperty(d.environment ? `${d.rule} [${d.environment}]` : d.rule)}`,
      ];
      const message = d.path ? `${d.path}: ${d.message}` : d.message;
      return `::${command[d.severity]} ${properties.join(',')}::${escapeData(message)}\n`;
    })
    .join('');
}
