/**
 * The `{ broker: X }` env references that read a service's own Kafka credentials: the key of the Secret Strimzi's
 * User Operator creates for its KafkaUser, and the `broker.auth` that Secret has it under.
 */
export const brokerSecretKeys = {
  password: { auth: 'scram-sha-512', key: 'password' },
  'jaas-config': { auth: 'scram-sha-512', key: 'sasl.jaas.config' },
  certificate: { auth: 'tls', key: 'user.crt' },
  key: { auth: 'tls', key: 'user.key' },
  keystore: { auth: 'tls', key: 'user.p12' },
  'keystore-password': { auth: 'tls', key: 'user.password' },
} as const;

export type BrokerSecretReference = keyof typeof brokerSecretKeys;

export const isBrokerSecretReference = (value: unknown): value is BrokerSecretReference =>
  typeof value === 'string' && Object.hasOwn(brokerSecretKeys, value);

/** Strimzi keeps the cluster CA certificate (what verifies the brokers' TLS listener) in `<cluster>-cluster-ca-cert`. */
export const clusterCaSecret = (cluster: string) => ({ name: `${cluster}-cluster-ca-cert`, key: 'ca.crt' });
