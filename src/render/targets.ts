import { asyncApiTarget } from './asyncapi/target.js';
import { gatewayApiTarget } from './gateway-api/target.js';
import { ingressTarget } from './ingress/target.js';
import { istioTarget } from './istio/target.js';
import { kafkaTarget } from './kafka/target.js';
import { kubernetesTarget } from './kubernetes/target.js';
import { namespaceTarget } from './kubernetes/namespace.js';
import { objectsTarget } from './kubernetes/objects.js';
import { natsTarget } from './nats/target.js';
import type { Target } from './target.js';

/** Every compile target, in output order. Each target lives in its own folder under src/render/. */
export const targets: Target[] = [
  namespaceTarget,
  kubernetesTarget,
  istioTarget,
  ingressTarget,
  gatewayApiTarget,
  kafkaTarget,
  natsTarget,
  asyncApiTarget,
  objectsTarget,
];
