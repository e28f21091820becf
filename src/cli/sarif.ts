import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Location, Log, ReportingDescriptor, Result, Run } from 'sarif';
import { allCodes } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { sha256 } from '../util/sha256.js';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

const informationUri = 'https://hamesh.dev';

/** A file relative to the working directory with forward slashes, or its absolute path outside it. */
export function artifactPath(file: string, cwd: string): string {
  const path = relative(cwd, resolve(cwd, file));
  if (path.startsWith('..') || isAbsolute(path)) return resolve(cwd, file);
  return path.split(sep).join('/');
}

/** A file as a URI relative to the working directory (percent-encoded), or a file: URI outside it. */
function artifactUri(file: string, cwd: string): string {
  const path = artifactPath(file, cwd);
  return isAbsolute(path) ? pathToFileURL(path).href : path.split('/').map(encodeURIComponent).join('/');
}

/** SARIF's "friendly name" of a rule: `min-replicas` → `MinReplicas`. */
const pascalCase = (id: string) =>
  id.replace(/(^|-)([a-z0-9])/g, (_match, _dash: string, letter: string) => letter.toUpperCase());

/** The page of a rule's documentation (docs/rules/<id>.md, generated from its meta by `npm run docs:rules`). */
const helpUri = (id: string) => `${informationUri}/docs/rules/${id}.md`;

/** One descriptor per catalogue id, so every result's ruleId has its help and default level. */
const descriptors: ReportingDescriptor[] = allCodes.map((code) => {
  const why = 'rationale' in code ? code.rationale : code.description;
  return {
    id: code.id,
    // SARIF wants `name` left out when it would equal the id (one-word ids such as `schema`).
    ...(code.id.includes('-') && { name: pascalCase(code.id) }),
    shortDescription: { text: code.description },
    fullDescription: { text: why },
    help: {
      text: `${why}\n\nHow to fix: ${code.fix}`,
      markdown: `${why}\n\n**How to fix:** ${code.fix}\n\nRun \`hamesh explain ${code.id}\` for details.`,
    },
    // Every id has a generated page (docs/rules/<id>.md).
    helpUri: helpUri(code.id),
    defaultConfiguration: { level: code.severity },
    properties: { stage: code.stage },
  };
});

/** Keyed on rule, file, JSON Pointer and environment, not the line, so a finding keeps its identity across edits above it. */
function fingerprint(d: Diagnostic, cwd: string): string {
  const key = [d.rule, d.file === undefined ? '' : artifactPath(d.file, cwd), d.path, d.environment ?? ''].join(
    '\u0000',
  );
  return sha256().update(key).digest('hex');
}

function physicalLocation(d: Pick<Diagnostic, 'file' | 'line' | 'column'>, cwd: string): Location {
  if (d.file === undefined) return {};
  return {
    physicalLocation: {
      artifactLocation: { uri: artifactUri(d.file, cwd) },
      ...(d.line !== undefined && {
        region: { startLine: d.line, ...(d.column !== undefined && { startColumn: d.column }) },
      }),
    },
  };
}

function result(d: Diagnostic, index: Map<string, number>, cwd: string): Result {
  return {
    ruleId: d.rule,
    ruleIndex: index.get(d.rule)!,
    level: d.severity,
    message: { text: `${d.environment ? `[${d.environment}] ` : ''}${d.path ? `${d.path}: ` : ''}${d.message}` },
    locations: [
      { ...physicalLocation(d, cwd), logicalLocations: [{ fullyQualifiedName: d.path || '/', kind: 'value' }] },
    ],
    partialFingerprints: { 'hameshFinding/v1': fingerprint(d, cwd) },
    // Every hop of a graph finding, each clickable in code scanning.
    ...(d.related && {
      relatedLocations: d.related.map((hop, i) => ({
        id: i + 1,
        ...physicalLocation(hop, cwd),
        message: { text: `${hop.message} (${hop.path})` },
      })),
    }),
    properties: { jsonPointer: d.path, ...(d.environment !== undefined && { environment: d.environment }) },
  };
}

/**
 * SARIF 2.1.0 for GitHub code scanning: every rule with its help, every finding with its file location, JSON
 * Pointer, a line-independent fingerprint and the hops of graph findings; one run per spec, each with its own
 * `automationDetails.id` (`hamesh/<command>/<spec>/`), so code scanning tracks each spec's findings apart.
 */
export function formatSarif(
  diagnostics: readonly Diagnostic[],
  cwd: string,
  options: { command?: string; specs?: readonly string[] } = {},
): string {
  const rules = descriptors;
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  const specs: Array<string | undefined> =
    options.specs && options.specs.length > 0 ? options.specs.map((f) => artifactPath(f, cwd)) : [undefined];
  // A finding belongs to the run of its spec; one in another file (an organisation policy) to the first run.
  const runOf = (d: Diagnostic) =>
    Math.max(0, specs.indexOf(d.file === undefined ? undefined : artifactPath(d.file, cwd)));
  const runs: Run[] = specs.map((spec, i) => ({
    tool: { driver: { name: 'hamesh', version, semanticVersion: version, informationUri, rules } },
    ...(spec !== undefined && { automationDetails: { id: `hamesh/${options.command ?? 'lint'}/${spec}/` } }),
    columnKind: 'utf16CodeUnits',
    results: diagnostics.filter((d) => runOf(d) === i).map((d) => result(d, index, cwd)),
  }));
  const log: Log = { $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs };
  return JSON.stringify(log, null, 2);
}
