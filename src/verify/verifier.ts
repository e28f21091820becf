import type { RenderedValue } from '../render/target.js';
import type { Shape } from './strict-model.js';

/** One thing wrong with an emitted object: where inside it (a JSON Pointer) and what. */
export interface VerifyProblem {
  pointer: string;
  message: string;
}

/** Checks one emitted object against its upstream schema; [] when it conforms. */
export type Verifier = (value: RenderedValue) => VerifyProblem[];

/**
 * A schema for one apiVersion/kind. `load` is called at most once per process (validators are large, so
 * they load only when a build verifies that kind).
 */
export interface VerifierEntry {
  apiVersion: string;
  kind: string;
  /** Where the schema comes from, for messages, e.g. `kubernetes-models@5 (Kubernetes 1.36)`. */
  source: string;
  load(): Promise<Verifier>;
  /** For verifiers learnt from an upstream validator: the schema's shape, precomputed by `npm run build`. */
  shape?(): Promise<Shape>;
}
