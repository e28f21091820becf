import { validatorVerifier } from './json-schema.js';
import type { VerifierEntry } from './verifier.js';

/** KEDA's ScaledObject, checked against schemas/keda-scaledobject.schema.json (written from KEDA's documented spec, closed). */
export const kedaVerifiers: VerifierEntry[] = [
  {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledObject',
    source: 'schemas/keda-scaledobject.schema.json (KEDA 2.20 ScaledObject)',
    load: async () => validatorVerifier((await import('../generated/resource-validators.js')).scaledObject),
  },
];
