import { readFileSync } from 'node:fs';
import { pointer as pointerOf } from '../diagnostics/diagnostic.js';
import type { RenderedValue } from '../render/target.js';
import type { Verifier, VerifierEntry, VerifyProblem } from './verifier.js';

/** A kubernetes-models class: its prototype's `validate()` runs the upstream schema's validator on `this`. */
export interface ModelClass {
  prototype: { validate(): void };
}

/**
 * The fields a schema declares at one place of an object, as JSON. `fields` maps each declared field to the
 * shape of its value (null: a scalar or a free-form value, nothing to check inside); `open` objects take any
 * key (labels, resource lists), their undeclared keys' values shaped by `values`; arrays have `items`.
 */
export type Shape =
  | { fields: Record<string, Shape | null>; open?: true; values?: Shape | null }
  | { items: Shape | null };

interface UpstreamError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** Runs the model's validator on `value`: its errors, [] when it conforms. */
function upstreamErrors(model: ModelClass, value: object): UpstreamError[] {
  try {
    model.prototype.validate.call(value);
    return [];
  } catch (error) {
    const errors = (error as { errors?: UpstreamError[] }).errors;
    if (!errors) throw error;
    return errors;
  }
}

interface Visit {
  read: Set<string>;
  enumerated: boolean;
}

/** Validates `value` through Proxies that record, per object, which keys the validator read and whether it listed them. */
function trace(model: ModelClass, value: object): { visits: Map<string, Visit>; errors: UpstreamError[] } {
  const visits = new Map<string, Visit>();
  const watch = (object: object, pointer: string): object => {
    const visit: Visit = { read: new Set(), enumerated: false };
    visits.set(pointer, visit);
    const children = new Map<string, object>();
    return new Proxy(object, {
      get(target, key, receiver) {
        const child: unknown = Reflect.get(target, key, receiver);
        if (typeof key !== 'string') return child;
        visit.read.add(key);
        if (child === null || typeof child !== 'object') return child;
        let proxy = children.get(key);
        if (!proxy) {
          proxy = watch(child, pointer + pointerOf(key));
          children.set(key, proxy);
        }
        return proxy;
      },
      ownKeys(target) {
        visit.enumerated = true;
        return Reflect.ownKeys(target);
      },
    });
  };
  const errors = upstreamErrors(model, watch(value, ''));
  return { visits, errors };
}

/** The probe key standing for any key of an open object, to learn the shape of its values. */
const anyKey = '*';

/**
 * The shape of the upstream schema, learnt from its validator. The upstream validators check types, enums and
 * required fields but let unknown fields through (their schemas never close objects); they do read every
 * property their schema declares, and list the keys of open maps. So a probe object is grown round by round:
 * every key the validator read becomes an object, and one it then rejects as an array becomes `[{}]`, one of
 * another type a scalar, until the probe stops growing. Objects the validator never looks into (free-form,
 * e.g. preserve-unknown-fields) stay open. Recursive schemas are cut at a depth no Kubernetes object reaches.
 */
function deriveShape(model: ModelClass): Shape {
  const kinds = new Map<string, 'object' | 'array' | 'scalar'>([['', 'object']]);
  const visits = new Map<string, Visit>();
  const probe = (at: string): unknown => {
    const kind = kinds.get(at);
    if (kind === 'array') return [probe(`${at}/0`)];
    const object: Record<string, unknown> = {};
    const prefix = `${at}/`;
    for (const [path, child] of kinds) {
      if (child === 'scalar' || !path.startsWith(prefix) || path.indexOf('/', prefix.length) !== -1) continue;
      object[path.slice(prefix.length).replaceAll('~1', '/').replaceAll('~0', '~')] = probe(path);
    }
    return object;
  };
  for (let grown = true; grown; ) {
    grown = false;
    const run = trace(model, probe('') as object);
    for (const [path, visit] of run.visits) {
      const known = visits.get(path) ?? { read: new Set<string>(), enumerated: false };
      for (const key of visit.read) known.read.add(key);
      known.enumerated ||= visit.enumerated;
      visits.set(path, known);
      if (kinds.get(path) !== 'object' || path.split('/').length > 40) continue;
      for (const key of visit.enumerated ? [...visit.read, anyKey] : visit.read) {
        const child = path + pointerOf(key);
        if (!kinds.has(child)) {
          kinds.set(child, 'object');
          grown = true;
        }
      }
    }
    for (const error of run.errors) {
      if (error.keyword !== 'type' || kinds.get(error.instancePath) !== 'object') continue;
      const types = String(error.params.type).split(',');
      if (types.includes('object')) continue;
      kinds.set(error.instancePath, types.includes('array') ? 'array' : 'scalar');
      if (types.includes('array')) kinds.set(`${error.instancePath}/0`, 'object');
      grown = true;
    }
  }
  const shapeAt = (path: string): Shape | null => {
    const kind = kinds.get(path);
    if (kind === 'array') return { items: shapeAt(`${path}/0`) };
    const visit = visits.get(path);
    if (kind !== 'object' || !visit || (visit.read.size === 0 && !visit.enumerated)) return null;
    const declared = [...visit.read].filter((key) => !(visit.enumerated && key === anyKey));
    const fields = Object.fromEntries(declared.map((key) => [key, shapeAt(path + pointerOf(key))]));
    return visit.enumerated ? { fields, open: true, values: shapeAt(path + pointerOf(anyKey)) } : { fields };
  };
  return shapeAt('') ?? { fields: {}, open: true };
}

/** Every key of `value` its shape does not declare, at any depth, as problems. */
function unknownFields(
  value: unknown,
  shape: Shape | null | undefined,
  path: Array<string | number>,
  problems: VerifyProblem[],
): void {
  if (!shape || value === null || typeof value !== 'object') return;
  if ('items' in shape) {
    if (!Array.isArray(value)) return;
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      unknownFields(value[i], shape.items, path, problems);
      path.pop();
    }
    return;
  }
  if (Array.isArray(value)) return;
  // The path is a stack and a pointer is made only for a problem: this walks every field of every object built
  // (an indexed loop, as in the YAML writer: for…of allocated an iterator result per field in cold code).
  const keys = Object.keys(value);
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    const declared = Object.hasOwn(shape.fields, key);
    path.push(key);
    if (!declared && !shape.open)
      problems.push({ pointer: pointerOf(...path), message: 'is not a field of this object (unknown field)' });
    else
      unknownFields(
        (value as Record<string, unknown>)[key],
        declared ? shape.fields[key] : shape.values,
        path,
        problems,
      );
    path.pop();
  }
}

/**
 * A strict verifier from an upstream validator: its own errors (types, enums, required fields), then every
 * field the schema does not declare. `shape` is the schema's, as `deriveShape` learns it (precomputed at build
 * time for registered kinds: scripts/gen-verifier-shapes.mjs).
 */
export function strictModelVerifier(model: ModelClass, shape: Shape = deriveShape(model)): Verifier {
  return (value: RenderedValue) => {
    const problems: VerifyProblem[] = upstreamErrors(model, value).map((e) => ({
      pointer: e.instancePath,
      message: e.message ?? 'is invalid',
    }));
    unknownFields(value, shape, [], problems);
    return problems;
  };
}

/** Shapes derived at build time, by `apiVersion/kind`; a kind missing from it (added since the last build) is derived on load. */
let generated: Record<string, Shape> | undefined;
function generatedShape(apiVersion: string, kind: string): Shape | undefined {
  try {
    generated ??= JSON.parse(
      readFileSync(new URL('../generated/verifier-shapes.json', import.meta.url), 'utf8'),
    ) as Record<string, Shape>;
  } catch {
    generated = {};
  }
  return generated[`${apiVersion}/${kind}`];
}

/**
 * Registry entries for kubernetes-models classes from one `source`, each class loaded only when its kind is
 * verified. A new kind is one more `[apiVersion, kind, load]` line here; `npm run build` precomputes its shape.
 */
export function modelEntries(
  source: string,
  entries: Array<[apiVersion: string, kind: string, load: () => Promise<ModelClass>]>,
): VerifierEntry[] {
  return entries.map(([apiVersion, kind, load]) => ({
    apiVersion,
    kind,
    source,
    load: async () => strictModelVerifier(await load(), generatedShape(apiVersion, kind)),
    shape: async () => deriveShape(await load()),
  }));
}
