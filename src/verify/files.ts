import type { FileFormat } from '../render/target.js';
import { validatorVerifier } from './json-schema.js';
import type { Verifier } from './verifier.js';

/** The schema of one kind of standalone file; `load` is called at most once per process. */
export interface FileVerifierEntry {
  /** Where the schema comes from, for messages. */
  source: string;
  load(): Promise<Verifier>;
}

/**
 * Every standalone file format a target writes, with its schema (compiled at build time by
 * scripts/gen-validators.mjs). Keyed by format, so a new format does not compile without its schema.
 */
export const fileVerifiers: Record<FileFormat, FileVerifierEntry> = {
  'jetstream-stream': {
    source: 'schemas/nats-stream-config.schema.json (JetStream StreamConfig, from nats-io/jsm.go)',
    load: async () => validatorVerifier((await import('../generated/nats-validators.js')).stream),
  },
  'jetstream-consumer': {
    source: 'schemas/nats-consumer-config.schema.json (JetStream ConsumerConfig, from nats-io/jsm.go)',
    load: async () => validatorVerifier((await import('../generated/nats-validators.js')).consumer),
  },
  'nats-permissions': {
    source: 'schemas/nats-permissions.schema.json (nats-server permissions)',
    load: async () => validatorVerifier((await import('../generated/nats-validators.js')).permissions),
  },
  asyncapi: {
    source: '@asyncapi/specs 3.0.0 (the AsyncAPI 3.0 JSON schema)',
    load: async () => validatorVerifier((await import('../generated/asyncapi-validator.js')).asyncapi),
  },
};
