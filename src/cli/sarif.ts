import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { ruleMetas } from '../lint/registry.js';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

export const informationUri = 'https://hamesh.dev';

/** A file as a URI relative to the working directory (forward slashes, percent-encoded), or a file: URI outside it. */
function artifactUri(file: string, cwd: string): string {
  const path = relative(cwd, resolve(cwd, file));
  if (path.startsWith('..') || isAbsolute(path)) return pathToFileURL(resolve(cwd, file)).href;
  return path.split(sep).map(encodeURIComponent).join('/');
}

/** SARIF's "friendly name" of a rule: `min-replicas` → `MinReplicas`. */
const pascalCase = (id: string) => id.replace(/(^|-)([a-z0-9])/g, (_match, _dash: string, letter: string) => letter.toUpperCase());

function descriptors(diagnostics: readonly Diagnostic[]): ReportingDescriptor[] {
  const known = ruleMetas.map((meta) => ({
    id: meta.id,
    name: pascalCase(meta.id),
    shortDescription: { text: meta.description },
    fullDescription: { text: meta.rationale },
    help: {
      text: `${meta.rationale}\n\nHow to fix: ${meta.fix}`,
      markdown: `${meta.rationale}\n\n**How to fix:** ${meta.fix}\n\nRun \`hamesh explain ${meta.id}\` for details.`,
    },
    defaultConfiguration: { level: meta.severity },
  }));
  // Validation findings (schema, unknown-reference, …) also reach `lint`; they get a plain descriptor.
  const ids = new Set(known.map((d) => d.id));
  const others = [...new Set(diagnostics.map((d) => d.rule).filter((id) => !ids.has(id)))].sort().map((id) => ({
    id,
    shortDescription: { text: `The spec failed validation (${id}); see \`hamesh validate\`.` },
    defaultConfiguration: { level: 'error' as const },
  }));
  return [...known, ...others];
}

/** SARIF 2.1.0 for GitHub code scanning: every rule with its help, every finding with its file location and JSON Pointer. */
export function formatSarif(diagnostics: readonly Diagnostic[], cwd: string): string {
  const rules = descriptors(diagnostics);
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  const results: Result[] = diagnostics.map((d) => ({
    ruleId: d.rule,
    ruleIndex: index.get(d.rule)!,
    level: d.severity,
    message: { text: d.path ? `${d.path}: ${d.message}` : d.message },
    locations: [
      {
        ...(d.file !== undefined && {
          physicalLocation: {
            artifactLocation: { uri: artifactUri(d.file, cwd) },
            ...(d.line !== undefined && { region: { startLine: d.line, ...(d.column !== undefined && { startColumn: d.column }) } }),
          },
        }),
        logicalLocations: [{ fullyQualifiedName: d.path || '/', kind: 'value' }],
      },
    ],
    properties: { jsonPointer: d.path },
  }));
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'hamesh', version, semanticVersion: version, informationUri, rules } }, columnKind: 'utf16CodeUnits', results }],
  };
  return JSON.stringify(log, null, 2);
}
