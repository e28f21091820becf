import { validatorVerifier } from './json-schema.js';
import type { VerifierEntry } from './verifier.js';

const entry = (kind: string, schemaFile: string, validator: 'httpRoute' | 'gateway'): VerifierEntry => ({
  apiVersion: 'gateway.networking.k8s.io/v1',
  kind,
  source: `schemas/${schemaFile} (Gateway API v1.6.1 standard channel)`,
  load: async () => validatorVerifier((await import('../generated/resource-validators.js'))[validator]),
});

/**
 * The Kubernetes Gateway API kinds of `--target gateway-api`, checked against closed schemas written from the
 * upstream standard-channel CRDs (v1.6.1): an experimental-channel field is an unknown field.
 */
export const gatewayApiVerifiers: VerifierEntry[] = [
  entry('HTTPRoute', 'gateway-api-httproute.schema.json', 'httpRoute'),
  entry('Gateway', 'gateway-api-gateway.schema.json', 'gateway'),
];
