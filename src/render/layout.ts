/**
 * The layout of the --out folder: where every file a build writes goes, relative to the folder. Targets name
 * their documents' files through these functions only, so the layout is read (and changed) here.
 *
 * Kubernetes objects, and nothing else, go under `manifests/` (the manifest tree): `kubectl apply -R -f
 * DIR/manifests` and an Argo CD directory app take it as it is. Files that are not objects (NATS JetStream JSON,
 * the permissions nats-server includes, the AsyncAPI catalog) stay outside it, and `kustomization.yaml` at the
 * top lists the manifest files, so `kubectl apply -k DIR` takes the whole folder.
 */

/** The manifest tree: every file under it is a multi-document YAML stream of Kubernetes objects. */
export const manifestsFolder = 'manifests';

const manifest = (path: string) => `${manifestsFolder}/${path}`;

/** Whether a path of the folder is in the manifest tree. */
export const inManifestTree = (path: string) => path.startsWith(`${manifestsFolder}/`);

/** A service's objects of one target (`kubernetes`, `istio`): `manifests/services/<service>/<target>.yaml`. */
export const serviceFile = (service: string, target: string) => manifest(`services/${service}/${target}.yaml`);

/** An external's objects of one target (`istio`: ServiceEntry, DestinationRule, VirtualService). */
export const externalFile = (external: string, target: string) => manifest(`externals/${external}/${target}.yaml`);

/** A subscribing service's consumer retry plan (a ConfigMap). */
export const retryPlanFile = (service: string) => manifest(`services/${service}/retry-plan.yaml`);

/** System-wide objects of one target (the Namespace, mesh security, the Gateway, `objects`). */
export const namespaceFile = (target: string) => manifest(`namespace/${target}.yaml`);

/** Every Strimzi KafkaTopic. */
export const kafkaTopicsFile = manifest('kafka/topics.yaml');

/** Every Strimzi KafkaUser. */
export const kafkaUsersFile = manifest('kafka/users.yaml');

/** The ConfigMap bundling every JetStream stream and consumer config. */
export const natsJetStreamBundleFile = manifest('nats/jetstream.yaml');

/** The ConfigMap bundling the NATS permissions, for the broker's namespace. */
export const natsPermissionsBundleFile = manifest('nats/permissions.yaml');

/** One JetStream StreamConfig (JSON, for `nats stream add --config`): not an object, outside the manifest tree. */
export const natsStreamFile = (stream: string) => `nats/streams/${stream}.json`;

/** One JetStream ConsumerConfig (JSON), in its stream's folder: not an object. */
export const natsConsumerFile = (stream: string, consumer: string) => `nats/consumers/${stream}/${consumer}.json`;

/** The per-service publish/subscribe permissions nats-server includes (JSON): not an object. */
export const natsPermissionsFile = 'nats/permissions.json';

/** The AsyncAPI catalog of the events: not an object. */
export const asyncApiFile = 'asyncapi.yaml';

/** The folder's kustomization, listing every manifest file (written by the write stage). */
export const kustomizationFile = 'kustomization.yaml';

/** The list of files the last build wrote, the only record of what hamesh owns in the folder (write stage). */
export const indexFile = '.hamesh-outputs';
