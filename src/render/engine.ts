import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { parseAllDocuments } from 'yaml';
import type { RenderedValue } from './target.js';

export const builtinTemplateDir = fileURLToPath(new URL('../../templates/', import.meta.url));

/** A template that did not compile or rendered something that is not YAML; names the template file and line. */
export class TemplateError extends Error {
  constructor(
    readonly templateFile: string,
    readonly line: number | undefined,
    message: string,
  ) {
    super(`${templateFile}${line !== undefined ? `:${line}` : ''}: ${message}`);
    this.name = 'TemplateError';
  }
}

/**
 * Handlebars with values that can never change a document's structure: `{{json x}}` emits a JSON flow
 * value (a valid YAML scalar, sequence or mapping whatever x holds), so a name with `:`, `#`, `{`, a quote
 * or a newline stays one value. HTML escaping is off: the output is YAML, not HTML.
 */
export class TemplateEngine {
  private readonly handlebars = Handlebars.create();
  private readonly compiled = new Map<string, { file: string; render: Handlebars.TemplateDelegate }>();

  /** `overrideDir` (from --templates) wins over the built-in templates, file by file. */
  constructor(private readonly overrideDir?: string) {
    this.handlebars.registerHelper('json', (value: unknown) => new Handlebars.SafeString(JSON.stringify(value ?? null)));
  }

  /** Renders `name` (e.g. `deployment.yaml.hbs`) and parses the YAML documents it produced. */
  render(name: string, context: object): RenderedValue[] {
    const template = this.template(name);
    let text: string;
    try {
      text = template.render(context);
    } catch (error) {
      throw new TemplateError(template.file, lineOf(error), error instanceof Error ? error.message : String(error));
    }
    const documents = parseAllDocuments(text, { uniqueKeys: true });
    const list = Array.isArray(documents) ? documents : [documents];
    const values: RenderedValue[] = [];
    for (const document of list) {
      const problem = document.errors[0];
      if (problem) {
        const renderedLine = problem.linePos?.[0]?.line;
        throw new TemplateError(
          template.file,
          undefined,
          `rendered output is not valid YAML at output line ${renderedLine ?? '?'}: ${problem.message.split('\n')[0]}`,
        );
      }
      const value: unknown = document.toJS();
      if (value === null || value === undefined) continue;
      if (typeof value !== 'object' || Array.isArray(value)) {
        throw new TemplateError(template.file, undefined, 'each rendered document must be a mapping');
      }
      values.push(value as RenderedValue);
    }
    return values;
  }

  private template(name: string): { file: string; render: Handlebars.TemplateDelegate } {
    let entry = this.compiled.get(name);
    if (!entry) {
      const override = this.overrideDir ? join(this.overrideDir, name) : undefined;
      const file = override && existsSync(override) ? override : join(builtinTemplateDir, name);
      if (!existsSync(file)) throw new TemplateError(file, undefined, 'template not found');
      const source = readFileSync(file, 'utf8');
      try {
        const render = this.handlebars.compile(source, { noEscape: true, strict: true });
        // Compile now, so a syntax error is reported before any rendering.
        this.handlebars.precompile(source, { noEscape: true, strict: true });
        entry = { file, render };
      } catch (error) {
        throw new TemplateError(file, lineOf(error), error instanceof Error ? error.message.split('\n')[0]! : String(error));
      }
      this.compiled.set(name, entry);
    }
    return entry;
  }
}

/** Handlebars reports "Parse error on line N" or carries lineNumber on the error. */
function lineOf(error: unknown): number | undefined {
  if (error && typeof error === 'object' && 'lineNumber' in error && typeof error.lineNumber === 'number') {
    return error.lineNumber;
  }
  const match = /line (\d+)/.exec(error instanceof Error ? error.message : '');
  return match ? Number(match[1]) : undefined;
}
