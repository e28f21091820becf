import { readFileSync } from 'node:fs';
import type { ValidateFunction } from 'ajv';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
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
 * A verifier from a JSON Schema (2020-12) the project ships, e.g. one written from an upstream CRD. Close its
 * objects with `additionalProperties: false` so unknown fields are caught.
 */
function jsonSchemaVerifier(schema: object): Verifier {
  return validatorVerifier(new Ajv2020({ allErrors: true, strict: false }).compile(schema));
}

/** A verifier from a compiled ajv validator (e.g. one scripts/gen-validators.mjs compiled at build time). */
export function validatorVerifier(validate: ValidateFunction): Verifier {
  return (value: RenderedValue) => (validate(value) ? [] : (validate.errors ?? []).map(problem));
}

/** A verifier from a schema file the project ships in schemas/. */
export const schemaFileVerifier = (file: string): Verifier =>
  jsonSchemaVerifier(JSON.parse(readFileSync(new URL(`../../schemas/${file}`, import.meta.url), 'utf8')) as object);
