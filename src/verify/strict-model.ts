import { pointer as pointerOf } from '../diagnostics/diagnostic.js';
import type { RenderedValue } from '../render/target.js';
import type { Verifier, VerifierEntry, VerifyProblem } from './verifier.js';

/** A kubernetes-models class: its prototype's `validate()` runs the upstream schema's validator on `this`. */
export interface ModelClass {
  prototype: { validate(): void };
}

interface Visit {
  object: object;
  pointer: string;
  read: Set<string>;
  enumerated: boolean;
}

/**
 * The upstream validators check types, enums and required fields but let unknown fields through (their
 * schemas never close objects). They do read every property their schema declares, and enumerate the keys of
 * open maps (labels, resource lists). So validating through a Proxy that records both tells, per object,
 * which keys the schema knows: a key never read, in an object whose keys were not enumerated, is unknown.
 * Objects the validator never looked into (free-form, e.g. preserve-unknown-fields) stay open.
 */
export function strictModelVerifier(model: ModelClass): Verifier {
  return (value: RenderedValue) => {
    const visits: Visit[] = [];
    const watch = (object: object, pointer: string): object => {
      const visit: Visit = { object, pointer, read: new Set(), enumerated: false };
      visits.push(visit);
      const children = new Map<string, object>();
      return new Proxy(object, {
        get(target, key, receiver) {
          const child: unknown = Reflect.get(target, key, receiver);
          if (typeof key !== 'string') return child;
          visit.read.add(key);
          if (child === null || typeof child !== 'object') return child;
          let proxy = children.get(key);
          if (!proxy) children.set(key, (proxy = watch(child, pointer + pointerOf(key))));
          return proxy;
        },
        ownKeys(target) {
          visit.enumerated = true;
          return Reflect.ownKeys(target);
        },
      });
    };
    const problems: VerifyProblem[] = [];
    try {
      model.prototype.validate.call(watch(value, ''));
    } catch (error) {
      const errors = (error as { errors?: Array<{ instancePath: string; message?: string }> }).errors;
      if (!errors) throw error;
      for (const e of errors) problems.push({ pointer: e.instancePath, message: e.message ?? 'is invalid' });
    }
    for (const { object, pointer, read, enumerated } of visits) {
      if (Array.isArray(object) || enumerated || read.size === 0) continue;
      for (const key of Object.keys(object)) {
        if (!read.has(key)) problems.push({ pointer: pointer + pointerOf(key), message: 'is not a field of this object (unknown field)' });
      }
    }
    return problems;
  };
}

/** Registry entries for kubernetes-models classes from one `source`, each class loaded only when its kind is verified. */
export function modelEntries(source: string, entries: Array<[apiVersion: string, kind: string, load: () => Promise<ModelClass>]>): VerifierEntry[] {
  return entries.map(([apiVersion, kind, load]) => ({ apiVersion, kind, source, load: async () => strictModelVerifier(await load()) }));
}
