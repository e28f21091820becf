import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type Handlebars from 'handlebars';
import HandlebarsRuntime from 'handlebars/runtime.js';
import { CORE_SCHEMA, loadAll, YAMLException } from 'js-yaml';
import { readInput, UnreadableInput } from '../util/read-input.js';
import type { TemplateContexts, TemplateName } from './contexts.js';
import type { RenderedDocument, RenderedValue } from './target.js';
import { templates as precompiled } from '../generated/templates.js';
import type { NormalizedService } from '../normalize/model.js';
import { serviceFile } from './layout.js';

const builtinTemplateDir = fileURLToPath(new URL('../../templates/', import.meta.url));
const require = createRequire(import.meta.url);

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

/** What `{{json x}}` writes into the text: a plain YAML scalar standing for slot N of the render. */
const slotPrefix = '__hamesh_value_';
const slotPattern = /^__hamesh_value_(\d+)$/;
const maxSkeletons = 1000;
/** At most this many cached skeletons of one length: each look-up compares the text with all of them. */
const maxSameLength = 8;

/**
 * Handlebars with values that can never change a document's structure. `{{json x}}` does not write x into
 * the text at all: it writes a placeholder scalar, and once the text is parsed the placeholder is replaced by
 * x itself (any JSON value). So a name with `:`, `#`, `{`, a quote or a newline stays one value, and the
 * parser never reads the values (the hot path of a large build). A placeholder used inside a larger string
 * is an error. HTML escaping is off: the output is YAML, not HTML. The built-in templates come precompiled
 * (scripts/gen-templates.mjs), so only Handlebars' runtime loads; a --templates override, or a built-in template
 * edited since the build, is compiled on demand, once per engine.
 */
export class TemplateEngine {
  // Imported, so the CLI's bundle holds it: Node.js read its ~20 CommonJS files on every build (with ajv's helpers,
  // ~38 ms in a bare process).
  private readonly runtime = this.withHelpers((HandlebarsRuntime as typeof Handlebars).create());
  /** The full Handlebars (parser and compiler), loaded only for a template that is not precompiled. */
  private compiler: typeof Handlebars | undefined;
  private readonly compiled = new Map<string, { file: string; render: Handlebars.TemplateDelegate }>();
  /**
   * Parsed rendered texts (placeholders unfilled), by text length, then text: comparing a text with the few of its
   * length costs less than hashing it (each render's text is new, and a Map hashed all of it: the look-up took
   * ~80 ms of a profiled 10,000-service build).
   */
  private readonly skeletons = new Map<number, Array<{ text: string; documents: object[] }>>();
  private skeletonCount = 0;
  /** The values of the render in progress, by slot. */
  private slots: unknown[] = [];

  /** `overrideDir` (from --templates) wins over the built-in templates, file by file. */
  constructor(private readonly overrideDir?: string) {}

  /** Registers `{{json x}}` on a Handlebars environment (the runtime, or the compiler when one is needed). */
  private withHelpers(handlebars: typeof Handlebars): typeof Handlebars {
    handlebars.registerHelper('json', (...args: unknown[]) => {
      const options = args.pop() as Handlebars.HelperOptions & { loc?: { start: { line: number } } };
      // A misspelled variable is undefined: fail rather than render `null`.
      if (args.length !== 1 || args[0] === undefined) {
        throw Object.assign(new Error('{{json}} got no value: is the variable name misspelled?'), {
          lineNumber: options.loc?.start.line,
        });
      }
      return new handlebars.SafeString(`${slotPrefix}${this.slots.push(args[0]) - 1}`);
    });
    return handlebars;
  }

  /** Renders `name` (e.g. `deployment.yaml.hbs`) and parses the YAML documents it produced. */
  render(name: string, context: object): RenderedValue[] {
    const template = this.template(name);
    let text: string;
    this.slots = [];
    try {
      text = template.render(context);
    } catch (error) {
      throw new TemplateError(template.file, lineOf(error), error instanceof Error ? error.message : String(error));
    }
    return this.skeleton(template.file, text).map((value) => fill(value, this.slots, template.file) as RenderedValue);
  }

  /**
   * The parsed documents of a rendered text, placeholders unfilled. Values never reach the text, so services
   * rendered by the same template branches give the same text: each distinct skeleton is parsed once (a build
   * of 1,000 services parses a handful). Skeletons are read-only (`fill` copies them).
   */
  private skeleton(file: string, text: string): object[] {
    const sameLength = this.skeletons.get(text.length);
    if (sameLength) for (const known of sameLength) if (known.text === text) return known.documents;
    let parsed: unknown[];
    try {
      // js-yaml (core schema: no timestamps or merge keys) is ~10x faster than `yaml` here; duplicate keys are errors.
      parsed = loadAll(text, undefined, { schema: CORE_SCHEMA });
    } catch (error) {
      const line = error instanceof YAMLException ? error.mark.line + 1 : undefined;
      const reason = error instanceof YAMLException ? error.reason : String(error);
      const source = line !== undefined ? `: ${JSON.stringify(text.split('\n')[line - 1] ?? '')}` : '';
      throw new TemplateError(
        file,
        undefined,
        `rendered output is not valid YAML at output line ${line ?? '?'} (${reason})${source}`,
      );
    }
    const documents: object[] = [];
    for (const value of parsed) {
      if (value === null || value === undefined) continue;
      if (typeof value !== 'object' || Array.isArray(value))
        throw new TemplateError(file, undefined, 'each rendered document must be a mapping');
      documents.push(value);
    }
    // A template that writes values as text (`{{x}}`, not `{{json x}}`) makes a new skeleton per render: bound the cache.
    if (this.skeletonCount < maxSkeletons && (sameLength?.length ?? 0) < maxSameLength) {
      this.skeletonCount++;
      if (sameLength) sameLength.push({ text, documents });
      else this.skeletons.set(text.length, [{ text, documents }]);
    }
    return documents;
  }

  private template(name: string): { file: string; render: Handlebars.TemplateDelegate } {
    let entry = this.compiled.get(name);
    if (!entry) {
      const override = this.overrideDir ? join(this.overrideDir, name) : undefined;
      const file = override && existsSync(override) ? override : join(builtinTemplateDir, name);
      if (!existsSync(file)) throw new TemplateError(file, undefined, 'template not found');
      let source: string;
      try {
        source = readInput(file);
      } catch (error) {
        throw error instanceof UnreadableInput ? new TemplateError(file, undefined, error.message) : error;
      }
      const built =
        file === join(builtinTemplateDir, name) && Object.hasOwn(precompiled, name) ? precompiled[name]! : undefined;
      if (built?.source === source) entry = { file, render: setUpOnce(this.runtime.template(built.spec)) };
      else {
        this.compiler ??= this.withHelpers((require('handlebars') as typeof Handlebars).create());
        try {
          // Parse now, so a syntax error is reported before any rendering; compile from that one parse.
          // scripts/gen-templates.mjs precompiles with the same options.
          entry = {
            file,
            render: setUpOnce(this.compiler.compile(this.compiler.parse(source), { noEscape: true, strict: true })),
          };
        } catch (error) {
          throw new TemplateError(file, lineOf(error), parseMessage(error));
        }
      }
      this.compiled.set(name, entry);
    }
    return entry;
  }
}

/** A Handlebars template function as its runtime makes it (handlebars/dist/cjs/handlebars/runtime.js, 4.7). */
type SetUpTemplate = Handlebars.TemplateDelegate & { _setup?: (options: object) => void };

/**
 * Handlebars sets a template up again on each top-level call: it copies and wraps every registered helper and builds
 * a new prototype-access policy, all from the environment and the call's options, which are the same for every call
 * here (no options; helpers registered before any template). The first call's setup is kept: at 1,000 services
 * (~5,000 calls) the setups allocated ~8 MB, and keeping one saved ~2% of the build (bench/RESULTS.md). Without the
 * internal hook (another Handlebars), nothing changes.
 */
function setUpOnce(template: SetUpTemplate): Handlebars.TemplateDelegate {
  const setup = template._setup;
  if (typeof setup !== 'function') return template;
  let done = false;
  template._setup = (options) => {
    const plain = Object.keys(options).length === 0;
    if (done && plain) return;
    setup(options);
    done = plain;
  };
  return template;
}

/**
 * A copy of `value` with every placeholder replaced by its slot's value. Slot values are inserted as they are
 * (not copied): rendered documents are read-only data from here on.
 */
function fill(value: unknown, slots: readonly unknown[], file: string): unknown {
  if (typeof value === 'string') {
    // Tested before matching: no match object per string (this runs for every value of every object rendered).
    if (value.startsWith(slotPrefix) && slotPattern.test(value)) return slots[Number(value.slice(slotPrefix.length))];
    if (value.includes(slotPrefix)) {
      throw new TemplateError(
        file,
        undefined,
        `{{json …}} must stand for a whole YAML value, not part of a string: ${JSON.stringify(value)}`,
      );
    }
    return value;
  }
  if (Array.isArray(value)) return value.map((item) => fill(item, slots, file));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  const keys = Object.keys(value);
  // An indexed loop: for…of allocated an iterator result per key in cold code, and this runs for every object rendered.
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    const filled = fillKey(key, slots, file);
    if (Object.hasOwn(out, filled))
      throw new TemplateError(file, undefined, `duplicate mapping key ${JSON.stringify(filled)}`);
    out[filled] = fill((value as Record<string, unknown>)[key], slots, file);
  }
  return out;
}

function fillKey(key: string, slots: readonly unknown[], file: string): string {
  if (!key.includes(slotPrefix)) return key;
  const slot = slotPattern.exec(key);
  const value = slot ? slots[Number(slot[1])] : undefined;
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw new TemplateError(
      file,
      undefined,
      `a mapping key written with {{json …}} must be a whole string or number: ${JSON.stringify(key)}`,
    );
  }
  return String(value);
}

/** Renders one template, with its typed context, into `manifest` documents bound for `file` (relative to --out), from the spec entry at `source`. */
export function renderManifests<T extends TemplateName>(
  engine: TemplateEngine,
  where: { target: string; file: string; template: T; source: string },
  context: TemplateContexts[T],
): RenderedDocument[] {
  const { target, file, template, source } = where;
  // Written out rather than spread: one of these per object rendered (a spread was 7% of render at 10,000 services).
  return engine
    .render(template, context)
    .map((value) => ({ target, file, template, source, kind: 'manifest' as const, value }));
}

/** Where a service's documents of one target go, by template: the service's file of that target, from its pointer. */
export const serviceDocument =
  (target: string, service: NormalizedService) =>
  <T extends TemplateName>(template: T) => ({
    target,
    file: serviceFile(service.name, target),
    template,
    source: service.path,
  });

/**
 * Handlebars' whole message: "Parse error on line N:", then the source snippet, a caret line and what it expected.
 * The continuation lines are indented, so the snippet and its caret stay aligned under the CLI's first line.
 */
function parseMessage(error: unknown): string {
  const [first, ...rest] = (error instanceof Error ? error.message : String(error)).split('\n');
  return [first, ...rest.map((line) => `    ${line}`)].join('\n');
}

/** Handlebars reports "Parse error on line N" or carries lineNumber on the error. */
function lineOf(error: unknown): number | undefined {
  if (error && typeof error === 'object' && 'lineNumber' in error && typeof error.lineNumber === 'number') {
    return error.lineNumber;
  }
  const match = /line (\d+)/.exec(error instanceof Error ? error.message : '');
  return match ? Number(match[1]) : undefined;
}
