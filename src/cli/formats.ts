import { writeFileSync } from 'node:fs';
import { InvalidArgumentError, Option } from 'commander';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatGithub } from './github.js';
import { formatMarkdown } from './markdown.js';
import { colorsFor, formatJson, formatText, type Colors } from './report.js';
import { formatSarif } from './sarif.js';
import pc from 'picocolors';
import { UsageError } from './errors.js';

export const formats = ['text', 'json', 'sarif', 'github', 'markdown'] as const;
export type Format = (typeof formats)[number];

/** What a report is about: the command, its spec files, and extra lines or sections (a summary, the graph). */
export interface ReportContext {
  command: string;
  specs: readonly string[];
  /** Lines after the findings in text and github output (e.g. `wrote deploy: 12 files`). */
  summary?: readonly string[];
  /** Markdown sections after the table (e.g. the graph). */
  sections?: () => string[];
}

/** The findings in one format; text is coloured when `colors` says so. */
export function formatReport(
  format: Format,
  diagnostics: readonly Diagnostic[],
  context: ReportContext,
  colors: Colors = pc.createColors(false),
): string {
  const cwd = process.cwd();
  const summary = context.summary ?? [];
  switch (format) {
    case 'json':
      return `${formatJson(diagnostics)}\n`;
    case 'sarif':
      return `${formatSarif(diagnostics, cwd, { command: context.command, specs: context.specs })}\n`;
    case 'github':
      return formatGithub(diagnostics, cwd) + summary.map((line) => `${line}\n`).join('');
    case 'markdown': {
      const title = `hamesh ${context.command}${context.specs.length === 1 ? ` — ${context.specs[0]}` : ''}`;
      return formatMarkdown(diagnostics, cwd, title, [
        ...summary.map((line) => `> ${line}`),
        ...(context.sections?.() ?? []),
      ]);
    }
    case 'text':
      return [
        diagnostics.length > 0 ? `${formatText(diagnostics, colors)}\n` : '',
        ...summary.map((line) => `${line}\n`),
      ].join('');
  }
}

/** `--format` and the repeatable `--output FORMAT=FILE`. */
export const formatOption = (description = 'output format') =>
  new Option('-f, --format <format>', description).choices(formats).default('text');

export const outputOption = (what = 'the findings') =>
  new Option('--output <format=file>', `also write ${what} as FORMAT (${formats.join(', ')}) to FILE; repeatable`)
    .argParser(collectOutput)
    .default([]);

export interface OutputTarget {
  format: Format;
  file: string;
}

function collectOutput(value: string, previous: OutputTarget[]): OutputTarget[] {
  const match = /^([a-z]+)=(.+)$/.exec(value);
  if (!match || !(formats as readonly string[]).includes(match[1]!)) {
    throw new InvalidArgumentError(
      `expected FORMAT=FILE with FORMAT one of ${formats.join(', ')}, e.g. sarif=hamesh.sarif`,
    );
  }
  return [...previous, { format: match[1] as Format, file: match[2]! }];
}

/** Prints the report on `stream` in `format`, and writes every `--output`. */
export function emitReport(
  diagnostics: readonly Diagnostic[],
  context: ReportContext,
  options: { format: Format; output?: readonly OutputTarget[] },
  stream: NodeJS.WriteStream = process.stdout,
): void {
  writeReports((format, colors) => formatReport(format, diagnostics, context, colors), options, stream);
}

/**
 * Prints a report made by `render` on `stream` in `options.format` (coloured for a terminal), and writes it to the
 * file of every `--output FORMAT=FILE` in that format.
 */
export function writeReports(
  render: (format: Format, colors: Colors) => string,
  options: { format: Format; output?: readonly OutputTarget[] },
  stream: NodeJS.WriteStream = process.stdout,
): void {
  stream.write(render(options.format, colorsFor(stream)));
  for (const { format, file } of options.output ?? []) {
    try {
      writeFileSync(file, render(format, pc.createColors(false)));
    } catch (error) {
      throw new UsageError(
        `--output ${format}=${file}: cannot write the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
      );
    }
  }
}
