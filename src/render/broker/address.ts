import type { NormalizedSystem } from '../../normalize/model.js';

type Broker = NormalizedSystem['broker'];

/**
 * Strimzi's bootstrap Service, on the listener that matches `broker.auth`: Strimzi's conventional `plain` listener
 * (port 9092, no authentication or SCRAM-SHA-512) or `tls` listener (port 9093, client certificates).
 */
export const kafkaBootstrap = (broker: Broker) =>
  `${broker.cluster}-kafka-bootstrap.${broker.namespace}.svc:${broker.auth === 'tls' ? 9093 : 9092}`;

/** The NATS client Service (the NATS Helm chart's, named after the cluster) and its monitoring port. */
export const natsAddress = (broker: Broker, port: 'client' | 'monitoring' = 'client') =>
  `${broker.cluster}.${broker.namespace}.svc:${port === 'client' ? 4222 : 8222}`;
