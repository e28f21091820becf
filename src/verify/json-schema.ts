import type { ErrorObject, ValidateFunction } from 'ajv';
import { pointer } from '../diagnostics/diagnostic.js';
import type { RenderedValue } from '../render/target.js';
import type { Verifier, VerifyProblem } from './verifier.js';

/** Names the unknown field itself, as the strict model verifier does. */
function problem(e: ErrorObject): VerifyProblem {
  if (e.keyword === 'additionalProperties') {
    const field = String((e.params as { additionalProperty: string }).additionalProperty);
    return { pointer: e.instancePath + pointer(field), message: 'is not a field of this object (unknown field)' };
  }
  return { pointer: e.instancePath, message: e.message ?? 'is invalid' };
}

/**
 * A verifier from a validator scripts/gen-validators.mjs compiled at build time from a JSON Schema the project
 * ships (e.g. one written from an upstream CRD, its objects closed with `additionalProperties: false` so unknown
 * fields are caught).
 */
export function validatorVerifier(validate: ValidateFunction): Verifier {
  // An `if` error only repeats that its `then` or `else` failed; that failure is reported on its own.
  return (value: RenderedValue) =>
    validate(value) ? [] : (validate.errors ?? []).filter((e) => e.keyword !== 'if').map(problem);
}
