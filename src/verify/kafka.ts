import { validatorVerifier } from './json-schema.js';
import type { VerifierEntry } from './verifier.js';

const strimziVersions = ['kafka.strimzi.io/v1', 'kafka.strimzi.io/v1beta2'] as const;

/** Entries for one Strimzi kind, checked against a schema the project ships in schemas/. */
const strimziEntries = (kind: string, schemaFile: string, validator: 'kafkaTopic' | 'kafkaUser'): VerifierEntry[] =>
  strimziVersions.map((apiVersion) => ({
    apiVersion,
    kind,
    source: `schemas/${schemaFile} (Strimzi ${kind} ${apiVersion.split('/')[1]})`,
    load: async () => validatorVerifier((await import('../generated/resource-validators.js'))[validator]),
  }));

/**
 * Strimzi's KafkaTopic and KafkaUser, checked against schemas written from Strimzi's documented specs (closed
 * against unknown fields, requiring the strimzi.io/cluster label).
 */
export const kafkaVerifiers: VerifierEntry[] = [
  ...strimziEntries('KafkaTopic', 'strimzi-kafkatopic.schema.json', 'kafkaTopic'),
  ...strimziEntries('KafkaUser', 'strimzi-kafkauser.schema.json', 'kafkaUser'),
];
