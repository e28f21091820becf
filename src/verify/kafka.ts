import { readFileSync } from 'node:fs';
import { jsonSchemaVerifier } from './json-schema.js';
import type { VerifierEntry } from './verifier.js';

/**
 * Strimzi's KafkaTopic, checked against schemas/strimzi-kafkatopic.schema.json (written from Strimzi's
 * documented KafkaTopic spec, closed against unknown fields, requiring the strimzi.io/cluster label).
 */
export const kafkaVerifiers: VerifierEntry[] = (['kafka.strimzi.io/v1', 'kafka.strimzi.io/v1beta2'] as const).map((apiVersion) => ({
  apiVersion,
  kind: 'KafkaTopic',
  source: `schemas/strimzi-kafkatopic.schema.json (Strimzi KafkaTopic ${apiVersion.split('/')[1]})`,
  load: async () =>
    jsonSchemaVerifier(JSON.parse(readFileSync(new URL('../../schemas/strimzi-kafkatopic.schema.json', import.meta.url), 'utf8')) as object),
}));
