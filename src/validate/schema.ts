import { codes, type DiagnosticCode } from '../diagnostics/codes.js';
import { readFileSync } from 'node:fs';
import type { ErrorObject } from 'ajv';
import { pointer, type Diagnostic } from '../diagnostics/diagnostic.js';
import { config } from '../generated/config-validator.js';
import { policy, system } from '../generated/system-validators.js';
import { didYouMean } from '../util/suggest.js';

/** The schema itself, read only to explain errors (the validators are compiled at build time: scripts/gen-validators.mjs). */
let schema: Record<string, unknown> | undefined;
const systemSchema = () =>
  (schema ??= JSON.parse(readFileSync(new URL('../../schemas/system.schema.json', import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >);

/** Validators of the system schema, of its definitions other inputs use, and of hamesh.config files. */
const validators = { '': system, '#/$defs/policy': policy, 'config.schema.json': config };

/**
 * Checks the spec's shape against schemas/system.schema.json (or `data` against one of its definitions,
 * e.g. `#/$defs/policy` for an organisation policy file); one readable diagnostic per problem.
 */
export function validateSchema(data: unknown, ref: keyof typeof validators = ''): Diagnostic[] {
  const validate = validators[ref];
  if (validate(data)) return [];
  return explain(validate.errors ?? []);
}

type Schema = Record<string, unknown>;

/** A schema's own description, as the tail of "must be …": `An HTTP path.` → `an HTTP path`. */
const asPhrase = (description: unknown) =>
  typeof description === 'string'
    ? description.replace(/\.$/, '').replace(/^[A-Z](?=[a-z ])/, (c) => c.toLowerCase())
    : undefined;

function describePattern(schema: Schema, pattern: string): string {
  const defs = systemSchema().$defs as Record<string, Schema>;
  const def = Object.values(defs).find((candidate) => candidate.pattern === pattern);
  return asPhrase(schema.description) ?? asPhrase(def?.description) ?? `a string matching ${pattern}`;
}

const article = (type: string) =>
  type === 'integer' || type === 'object' || type === 'array' ? `an ${type}` : `a ${type}`;

function typeOf(schema: Schema | undefined): string {
  const type = schema?.type;
  return typeof type === 'string' ? article(type) : 'a number';
}

function describeAlternative(schema: Schema): string {
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => JSON.stringify(v)).join(', ');
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (typeof schema.$ref === 'string') {
    const def = (systemSchema().$defs as Record<string, Schema>)[schema.$ref.replace('#/$defs/', '')];
    return def ? describeAlternative(def) : schema.$ref;
  }
  if (schema.type === 'object' && schema.properties) {
    const required = (schema.required as string[] | undefined) ?? [];
    const keys = Object.keys(schema.properties as Schema).map((k) => (required.includes(k) ? k : `${k}?`));
    return `an object {${keys.join(', ')}}`;
  }
  if (schema.type === 'string' && typeof schema.pattern === 'string') return describePattern(schema, schema.pattern);
  if (schema.type === 'integer' && typeof schema.minimum === 'number') return `an integer >= ${schema.minimum}`;
  return typeOf(schema);
}

function message(error: ErrorObject): { path: string; message: string; rule: DiagnosticCode } {
  const path = error.instancePath;
  const parent = error.parentSchema as Schema | undefined;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const known = Object.keys((parent?.properties as Schema | undefined) ?? {});
      return {
        rule: codes.unknownKey.id,
        path: `${path}${pointer(key)}`,
        message: `'${key}' is not a known key${didYouMean(key, known)}; allowed: ${known.join(', ')}`,
      };
    }
    case 'required':
      return {
        rule: codes.schema.id,
        path,
        message: `is missing the required key '${String(params.missingProperty)}'`,
      };
    case 'type':
      return { rule: codes.schema.id, path, message: `must be ${article(String(params.type)).replace(',', ' or ')}` };
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map((v) => JSON.stringify(v));
      return {
        rule: codes.schema.id,
        path,
        message: `must be one of ${allowed.join(', ')}${typeof error.data === 'string' ? didYouMean(error.data, (params.allowedValues as unknown[]).map(String)) : ''}`,
      };
    }
    case 'const':
      return { rule: codes.schema.id, path, message: `must be ${JSON.stringify(params.allowedValue)}` };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return {
        rule: codes.schema.id,
        path,
        message: `must be ${typeOf(parent)} ${String(params.comparison)} ${String(params.limit)}`,
      };
    case 'pattern':
      return {
        rule: codes.schema.id,
        path,
        message: `must be ${describePattern(parent ?? {}, String(params.pattern))}`,
      };
    case 'minLength':
      return { rule: codes.schema.id, path, message: `must not be shorter than ${String(params.limit)} characters` };
    case 'maxLength':
      return { rule: codes.schema.id, path, message: `must not be longer than ${String(params.limit)} characters` };
    case 'minItems':
      return { rule: codes.schema.id, path, message: `must have at least ${String(params.limit)} item(s)` };
    case 'uniqueItems':
      return {
        rule: codes.schema.id,
        path,
        message: `must not repeat items (items ${String(params.j)} and ${String(params.i)} are equal)`,
      };
    case 'minProperties':
      return {
        rule: codes.schema.id,
        path,
        message: `must have at least ${String(params.limit)} entr${params.limit === 1 ? 'y' : 'ies'}`,
      };
    case 'maxProperties':
      return {
        rule: codes.schema.id,
        path,
        message: `must have at most ${String(params.limit)} entr${params.limit === 1 ? 'y' : 'ies'}`,
      };
    case 'format':
      return { rule: codes.schema.id, path, message: `must be a ${String(params.format)} (for example 2027-01-31)` };
    default:
      return { rule: codes.schema.id, path, message: error.message ?? 'is invalid' };
  }
}

const isUnder = (path: string, parent: string) => path === parent || path.startsWith(`${parent}/`);

const resolveRef = (schema: Schema): Schema =>
  typeof schema.$ref === 'string'
    ? resolveRef((systemSchema().$defs as Record<string, Schema>)[schema.$ref.replace('#/$defs/', '')] ?? {})
    : schema;

/**
 * The key that tells each object branch of a `oneOf` apart: one it requires and no other branch has (a probe's
 * http, grpc, tcp or exec). Undefined unless every object branch has one.
 */
function discriminators(objects: Schema[]): string[] | undefined {
  if (objects.length < 2) return undefined;
  const keys = objects.map((schema) =>
    ((schema.required as string[] | undefined) ?? []).find((key) =>
      objects.every((other) => other === schema || !Object.hasOwn((other.properties as Schema | undefined) ?? {}, key)),
    ),
  );
  return keys.every((key) => key !== undefined) ? (keys as string[]) : undefined;
}

/** "StringMatch" → "a string match"; "" without a title. */
const named = (title: unknown) => {
  if (typeof title !== 'string') return '';
  const words = title.replace(/(?<=[a-z])(?=[A-Z])/g, ' ').toLowerCase();
  return `${/^[aeiou]/.test(words) ? 'an' : 'a'} ${words} `;
};

/**
 * An object that fails a discriminated `oneOf` (each branch told apart by one key): the errors of the branch its
 * key picks, or, with none or several of the keys, one message naming them — instead of every branch's errors.
 */
function pickBranch(error: ErrorObject, branch: Pending[]): Pending[] | undefined {
  const data = error.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const alternatives = (error.schema as Schema[]).map(resolveRef).filter((schema) => schema.type === 'object');
  const keys = discriminators(alternatives);
  if (keys === undefined) return undefined;
  const present = keys.filter((key) => Object.hasOwn(data, key));
  const rule = `${named((error.parentSchema as Schema | undefined)?.title)}takes exactly one of ${keys.join(', ')}`;
  const at = error.instancePath;
  if (present.length === 0) {
    // A misspelled key (`namespaces`) is the likely reason none is there.
    const known = new Set(
      alternatives.flatMap((schema) => Object.keys((schema.properties as Schema | undefined) ?? {})),
    );
    const unknown = Object.keys(data).filter((key) => !known.has(key));
    const hint = unknown.map((key) => `, '${key}' is not a known key${didYouMean(key, keys)}`).join('');
    return [{ error, summary: { rule: codes.schema.id, path: at, message: `${rule}; this one has none${hint}` } }];
  }
  if (present.length > 1) {
    const has = `${present.slice(0, -1).join(', ')} and ${present.at(-1)}`;
    return [
      { error, summary: { rule: codes.conflictingFields.id, path: at, message: `${rule}; this one has ${has}` } },
    ];
  }
  const key = present[0]!;
  return branch.filter((p) =>
    Object.hasOwn(((p.error.parentSchema as Schema | undefined)?.properties as Schema | undefined) ?? {}, key),
  );
}

interface Pending {
  error: ErrorObject;
  /** Set for errors already turned into a message (oneOf summaries). */
  summary?: { path: string; message: string; rule: DiagnosticCode };
}

/**
 * Marks the errors about a failed key name with that name. They come just before the `propertyNames` error that names
 * the key, at the same path, their `data` the name itself (`verbose`). A key schema that ajv inlined marks them
 * already; one referenced by `$ref` is a function of its own (scripts/gen-validators.mjs), whose errors are unmarked.
 */
function nameTheKey(stack: readonly Pending[], error: ErrorObject): void {
  const name = error.params.propertyName as string;
  for (let i = stack.length - 1; i >= 0; i--) {
    const inner = stack[i]!.error;
    if (inner.instancePath !== error.instancePath || inner.data !== name) return;
    inner.propertyName ??= name;
  }
}

/**
 * Turns ajv's errors into one message per problem. ajv reports a failed `oneOf` after the errors of each
 * of its branches, so each `oneOf` error takes the errors just before it that lie under its path and keeps
 * only the useful ones: errors deeper inside the value (it had the shape of one branch), else those of the branch
 * a discriminating key picks (see pickBranch), else the errors of the branch whose type matched, else one "must be
 * A or B" message.
 */
function explain(errors: ErrorObject[]): Diagnostic[] {
  const stack: Pending[] = [];
  for (const error of errors) {
    if (error.keyword === 'propertyNames') {
      nameTheKey(stack, error); // its inner errors say it better
      continue;
    }
    if (error.keyword !== 'oneOf' && error.keyword !== 'anyOf') {
      stack.push({ error });
      continue;
    }
    const at = error.instancePath;
    let start = stack.length;
    while (start > 0 && isUnder(stack[start - 1]!.error.instancePath, at)) start--;
    const branch = stack.splice(start);
    const deeper = branch.filter((p) => (p.summary?.path ?? p.error.instancePath) !== at);
    const picked = deeper.length === 0 ? pickBranch(error, branch) : undefined;
    if (picked !== undefined && picked.length > 0) {
      stack.push(...picked);
      continue;
    }
    const sameType = branch.filter((p) => !p.summary && p.error.instancePath === at && p.error.keyword !== 'type');
    const onlyKeys = sameType.every(
      (p) => p.error.keyword === 'additionalProperties' || p.error.keyword === 'required',
    );
    const unknownKeys = sameType.filter((p) => p.error.keyword === 'additionalProperties');
    if (deeper.length > 0) stack.push(...deeper);
    else if (sameType.length > 0 && !onlyKeys) stack.push(...sameType);
    else if (unknownKeys.length === 1 && sameType.length === 1) stack.push(...unknownKeys);
    else {
      const alternatives = (error.schema as Schema[]).map(describeAlternative);
      stack.push({
        error,
        summary: { rule: codes.schema.id, path: at, message: `must be ${alternatives.join(', or ')}` },
      });
    }
  }
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const { error, summary } of stack) {
    let { path, message: text, rule } = summary ?? message(error);
    if (!summary && error.propertyName !== undefined) {
      path = `${error.instancePath}${pointer(error.propertyName)}`;
      text = `the name '${error.propertyName}' ${text}`;
    }
    const key = `${path}\0${text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    diagnostics.push({ rule, severity: 'error', message: text, path });
  }
  return diagnostics;
}
