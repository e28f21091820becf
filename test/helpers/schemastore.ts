import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';

/** The SchemaStore schemas kept in test/fixtures/schemastore/ (see its README for their source). */
type SchemaStoreSchema = 'github-action' | 'github-workflow' | 'pre-commit-hooks';

/**
 * Validates `data` (a parsed YAML file) against one of SchemaStore's schemas; returns ajv's errors as
 * `instancePath message` lines, empty when valid. SchemaStore writes draft-07 with keywords of its own
 * (`markdownDescription`), hence `strict: false`.
 */
export function schemaStoreErrors(schema: SchemaStoreSchema, data: unknown): string[] {
  const file = new URL(`../fixtures/schemastore/${schema}.json`, import.meta.url);
  const validate = new Ajv({ strict: false, allErrors: true }).compile(JSON.parse(readFileSync(file, 'utf8')));
  return validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
}
