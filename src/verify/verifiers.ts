import { gatewayApiVerifiers } from './gateway-api.js';
import { istioVerifiers } from './istio.js';
import { kafkaVerifiers } from './kafka.js';
import { kedaVerifiers } from './keda.js';
import { kubernetesVerifiers } from './kubernetes.js';
import type { VerifierEntry } from './verifier.js';

/** Every schema the verify stage knows, by apiVersion and kind. A target that emits a new kind adds its entries here. */
export const verifiers: VerifierEntry[] = [
  ...kubernetesVerifiers,
  ...istioVerifiers,
  ...kafkaVerifiers,
  ...kedaVerifiers,
  ...gatewayApiVerifiers,
];
