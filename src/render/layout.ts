/**
 * The layout of the --out folder: where every file a build writes goes, relative to the folder. Targets name
 * their documents' files through these functions only, so the layout is read (and changed) here.
 */

/** A service's objects of one target (`kubernetes`, `istio`): `services/<service>/<target>.yaml`. */
export const serviceFile = (service: string, target: string) => `services/${service}/${target}.yaml`;

/** An external's objects of one target (`istio`: ServiceEntry, DestinationRule, VirtualService): `externals/<external>/<target>.yaml`. */
export const externalFile = (external: string, target: string) => `externals/${external}/${target}.yaml`;

/** A subscribing service's consumer retry plan (a ConfigMap). */
export const retryPlanFile = (service: string) => `services/${service}/retry-plan.yaml`;

/** System-wide objects of one target (the Namespace, mesh security, the Gateway, `objects`). */
export const namespaceFile = (target: string) => `namespace/${target}.yaml`;

/** Every Strimzi KafkaTopic. */
export const kafkaTopicsFile = 'kafka/topics.yaml';

/** Every Strimzi KafkaUser. */
export const kafkaUsersFile = 'kafka/users.yaml';

/** One JetStream StreamConfig (JSON). */
export const natsStreamFile = (stream: string) => `nats/streams/${stream}.json`;

/** One JetStream ConsumerConfig (JSON), in its stream's folder. */
export const natsConsumerFile = (stream: string, consumer: string) => `nats/consumers/${stream}/${consumer}.json`;

/** The ConfigMap bundling every stream and consumer config. */
export const natsJetStreamBundleFile = 'nats/jetstream.yaml';

/** The per-service publish/subscribe permissions nats-server includes (JSON). */
export const natsPermissionsFile = 'nats/permissions.json';

/** The ConfigMap bundling the permissions, for the broker's namespace. */
export const natsPermissionsBundleFile = 'nats/permissions.yaml';

/** The AsyncAPI catalog of the events. */
export const asyncApiFile = 'asyncapi.yaml';

/** The folder's kustomization, listing every manifest file (written by the write stage). */
export const kustomizationFile = 'kustomization.yaml';

/** The list of files the last build wrote, the only record of what hamesh owns in the folder (write stage). */
export const indexFile = '.hamesh-outputs';
