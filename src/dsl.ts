import type { ExtraObjectSpec, ServicePatchesSpec, SystemPatchesSpec } from './dsl-patches.js';
import type * as Schema from './spec/schema.generated.js';

/** Env references that name a service or an event take only declared names. */
type GraphRef =
  | Schema.EnvAddressRef
  | Schema.EnvHostRef
  | Schema.EnvPortRef
  | Schema.EnvHeadlessRef
  | Schema.EnvTopicRef
  | Schema.EnvGroupRef;
type Retyped<Ref, Key extends keyof Ref, Name> = Omit<Ref, Key> & { [K in Key]: Name };

/** The downward-API field paths Kubernetes allows in env (the schema's pattern, as a type the editor completes). */
export type FieldPathSpec =
  | 'metadata.name'
  | 'metadata.namespace'
  | 'metadata.uid'
  | `metadata.labels['${string}']`
  | `metadata.annotations['${string}']`
  | 'spec.nodeName'
  | 'spec.serviceAccountName'
  | 'status.hostIP'
  | 'status.hostIPs'
  | 'status.podIP'
  | 'status.podIPs';

/** A port name: one declared in the system or a one-port shorthand's protocol (over plain `string` names, any). */
type PortNameSpec<Ports extends string> = string extends Ports
  ? string
  : Ports | NonNullable<Schema.Service['protocol']>;

/**
 * An env value whose graph references are checked by the TypeScript compiler: `address`, `host`, `port` and
 * `headless` name a declared service, `topic` and `group` a declared event. With the system's port names (in
 * `defineSystem`, not in a plain `SystemSpec`, which accepts exactly the schema-generated types) an address's
 * `port` and a port reference's `name` are one of them (validate checks it is that service's own), and `field`
 * is a downward-API path.
 */
export type EnvValueSpec<
  Services extends string = string,
  Events extends string = string,
  Ports extends string = string,
> =
  | Exclude<Schema.EnvValue, GraphRef | Schema.EnvFieldRef>
  | (string extends Ports ? Schema.EnvFieldRef : Retyped<Schema.EnvFieldRef, 'field', FieldPathSpec>)
  | (Omit<Schema.EnvAddressRef, 'address' | 'port'> & { address: Services; port?: PortNameSpec<Ports> })
  | Retyped<Schema.EnvHostRef, 'host', Services>
  | (Omit<Schema.EnvPortRef, 'port' | 'name'> & { port: Services; name?: PortNameSpec<Ports> })
  | Retyped<Schema.EnvHeadlessRef, 'headless', Services>
  | Retyped<Schema.EnvTopicRef, 'topic', Events>
  | Retyped<Schema.EnvGroupRef, 'group', Events>;

/** Fields a profile (or `defaults`) sets, with typed env references and probe ports (any declared in the system). */
export interface ProfileSpec<
  Services extends string = string,
  Events extends string = string,
  Ports extends string = string,
> extends Omit<Schema.Profile, 'env' | 'probes'> {
  env?: { [name: string]: EnvValueSpec<Services, Events, Ports> };
  probes?: CheckedProbes<Ports>;
}

/** A route whose `to` and `mirror` name declared versions. */
export interface RouteSpec<Versions extends string = string> extends Omit<Schema.Route, 'to' | 'mirror'> {
  /** Over plain `string` names, the schema's own map (so a SystemSpec accepts exactly the schema's data). */
  to?: Versions | (string extends Versions ? { [version: string]: number } : { [Version in Versions]?: number });
  mirror?: { version: Versions; percent?: number };
}

/** A probe's `port`: a port name declared in the system, a one-port shorthand's protocol, or a number. */
type ProbePortSpec<Ports extends string> = string extends Ports
  ? Schema.ProbePort
  : Ports | NonNullable<Schema.Service['protocol']> | number;
type Handler = 'http' | 'grpc' | 'tcp' | 'exec';
/** One kind of probe: the other handlers are `never`, so `{ http: '/x', tcp: true }` is an error, not a union match. */
type ProbeOf<P, Kind extends Handler, Ports extends string> = Omit<P, 'port'> & {
  [Other in Exclude<Handler, Kind>]?: never;
} & (Kind extends 'exec' ? { port?: never } : { port?: ProbePortSpec<Ports> });

/** A probe whose `port` names a declared port (hamesh validate checks it is this container's own). */
export type ProbeSpec<Ports extends string = string> =
  | Schema.ProbePath
  | ProbeOf<Schema.HttpProbe, 'http', Ports>
  | ProbeOf<Schema.GrpcProbe, 'grpc', Ports>
  | ProbeOf<Schema.TcpProbe, 'tcp', Ports>
  | ProbeOf<Schema.ExecProbe, 'exec', Ports>;

/** Readiness, liveness and startup probes, with typed ports. */
export type ProbesSpec<Ports extends string = string> = { [Kind in keyof Schema.Probes]?: ProbeSpec<Ports> };
/**
 * Over plain `string` port names (a `SystemSpec`), the schema's own types, so it accepts exactly the schema-generated
 * data; in `defineSystem` (ports inferred), the checked ones.
 */
type CheckedProbes<Ports extends string> = string extends Ports ? Schema.Probes : ProbesSpec<Ports>;

/** A container's `ports`, whose names are what probes may name. */
type PortsSpec<Ports extends string> = string extends Ports ? Schema.Ports : { [Port in Ports]?: Schema.Port };

/** `mounts` of an init container or sidecar: keys are volume and storage names and `files` paths declared in the system. */
export type MountsSpec<Mounts extends string> = [Mounts] extends [never]
  ? { [volume: string]: never }
  : { [Mount in Mounts]?: string };

/** An init container or sidecar whose `mounts` name declared volumes, storage or files (and env references declared names). */
export type ExtraContainerSpec<
  C extends Schema.InitContainer | Schema.Sidecar,
  Services extends string,
  Events extends string,
  Mounts extends string,
  Ports extends string = string,
> = Omit<C, 'mounts' | 'env'> & {
  env?: { [name: string]: EnvValueSpec<Services, Events, Ports> };
  /** Over plain `string` names, the schema's own map. */
  mounts?: string extends Mounts ? Schema.Mounts : MountsSpec<Mounts>;
};

/** A sidecar: its `ports` names count among the declared ports, and its probes name one of them. */
export type SidecarSpec<
  Services extends string,
  Events extends string,
  Mounts extends string,
  Ports extends string,
> = Omit<ExtraContainerSpec<Schema.Sidecar, Services, Events, Mounts, NoInfer<Ports>>, 'ports' | 'probes'> & {
  ports?: PortsSpec<Ports>;
  probes?: CheckedProbes<NoInfer<Ports>>;
};

/**
 * A service whose references are checked by the TypeScript compiler: `calls` names a declared service or external,
 * `publishes` and `subscribes` name declared events, `profile` names a declared profile, a route's `to` and
 * `mirror` name a version declared in the system (hamesh validate checks it is this service's own).
 */
export interface ServiceSpec<
  Services extends string = string,
  Events extends string = string,
  Profiles extends string = string,
  Versions extends string = string,
  Mounts extends string = string,
  Externals extends string = string,
  Ports extends string = string,
> extends Omit<
    Schema.Service,
    | 'calls'
    | 'publishes'
    | 'subscribes'
    | 'profile'
    | 'env'
    | 'versions'
    | 'routes'
    | 'patches'
    | 'volumes'
    | 'storage'
    | 'files'
    | 'init'
    | 'sidecars'
    | 'ports'
    | 'probes'
  > {
  /** Their names (and the shorthand's protocol) are what a probe's `port` may name. */
  ports?: PortsSpec<Ports>;
  probes?: CheckedProbes<NoInfer<Ports>>;
  /** Their names (and `files` paths) are what `mounts` of init containers and sidecars may name. */
  volumes?: string extends Mounts ? Schema.Volumes : { [Volume in Mounts]?: Schema.Volume };
  storage?: string extends Mounts ? Schema.Service['storage'] : { [Volume in Mounts]?: Schema.StorageVolume };
  files?: string extends Mounts ? Schema.Files : { [Path in Mounts]?: Schema.File };
  init?: ExtraContainerSpec<Schema.InitContainer, Services, Events, NoInfer<Mounts>, NoInfer<Ports>>[];
  sidecars?: SidecarSpec<Services, Events, NoInfer<Mounts>, Ports>[];
  profile?: Profiles;
  /** JSON merge patches of this service's rendered objects, typed from the Kubernetes/Istio model interfaces. */
  patches?: ServicePatchesSpec;
  /** Optional per version (each service declares its own), so its map values may be `undefined`, like `subscribes`. */
  versions?: { [Version in Versions]?: NonNullable<Schema.Service['versions']>[string] };
  routes?: RouteSpec<NoInfer<Versions>>[];
  env?: { [name: string]: EnvValueSpec<Services, Events, NoInfer<Ports>> };
  calls?: Array<Services | Externals | { service: Services | Externals; critical?: boolean }>;
  publishes?: Events[];
  /** With no events declared, any key is an error (a mapped type over `never` would accept anything). */
  subscribes?: [Events] extends [never] ? { [event: string]: never } : { [Event in Events]?: Schema.Subscription };
}

/** An override of `T`: every part optional, objects merged key by key, arrays replaced, `null` removes a key. */
export type Override<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: Override<T[K]> | null }
    : T;

/** One environment of `environments:`: overrides of the spec's top-level fields (see schemas/system.schema.json). */
export interface EnvironmentSpec<
  Services extends string = string,
  Events extends string = string,
  Profiles extends string = string,
  Externals extends string = string,
> {
  metadata?: Override<Schema.System['metadata']>;
  zones?: string[];
  broker?: Override<NonNullable<Schema.System['broker']>>;
  defaults?: Override<ProfileSpec<Services, Events>>;
  /** In the TypeScript DSL an environment overrides declared profiles, services and events (YAML may add new ones). */
  profiles?: { [Profile in Profiles]?: Override<ProfileSpec<Services, Events>> };
  services?: {
    [Service in Services]?: Override<ServiceSpec<Services, Events, Profiles, string, string, Externals>> | null;
  };
  events?: { [Event in Events]?: Override<Schema.Event> | null };
  /** In the TypeScript DSL an environment overrides declared externals (YAML may add new ones). */
  externals?: { [External in Externals]?: Override<Schema.External> | null };
  mesh?: Override<NonNullable<Schema.System['mesh']>>;
  policy?: Override<Schema.Policy>;
}

/** The broker, whose `service` (the service running it in the mesh) names a declared service. */
export type BrokerSpec<Services extends string = string> = Omit<NonNullable<Schema.System['broker']>, 'service'> & {
  service?: Services;
};

/** The spec of a whole system, the same shape as schemas/system.schema.json. */
export interface SystemSpec<
  Services extends string = string,
  Events extends string = string,
  Profiles extends string = string,
  Externals extends string = string,
> extends Omit<
    Schema.System,
    'services' | 'events' | 'profiles' | 'defaults' | 'environments' | 'patches' | 'objects' | 'broker' | 'externals'
  > {
  broker?: BrokerSpec<Services>;
  patches?: SystemPatchesSpec;
  objects?: ExtraObjectSpec[];
  defaults?: ProfileSpec<Services, Events>;
  profiles?: { [Profile in Profiles]: ProfileSpec<Services, Events> };
  services: { [Service in Services]: ServiceSpec<Services, Events, Profiles, string, string, Externals> };
  events?: { [Event in Events]: Schema.Event };
  externals?: { [External in Externals]: Schema.External };
  environments?: { [environment: string]: EnvironmentSpec<Services, Events, Profiles, Externals> };
}

/**
 * Returns the spec unchanged, typed: the names of services, events, profiles and externals are inferred from
 * their keys, and every reference to them is checked (and completed) by the editor.
 *
 * ```ts
 * export default defineSystem({ apiVersion: 'hamesh.dev/v1', kind: 'System', metadata: { name: 'shop' },
 *   services: { web: { image: 'web:1', calls: ['cart'] }, cart: { image: 'cart:1' } } });
 * ```
 */
export function defineSystem<
  const Services extends string,
  const Events extends string = never,
  const Profiles extends string = never,
  const Versions extends string = never,
  const Mounts extends string = never,
  const Externals extends string = never,
  const Ports extends string = never,
>(
  spec: Omit<SystemSpec, 'services' | 'events' | 'profiles' | 'defaults' | 'environments' | 'broker' | 'externals'> & {
    broker?: BrokerSpec<NoInfer<Services>>;
    defaults?: ProfileSpec<NoInfer<Services>, NoInfer<Events>, NoInfer<Ports>>;
    profiles?: { [Profile in Profiles]: ProfileSpec<NoInfer<Services>, NoInfer<Events>, NoInfer<Ports>> };
    services: {
      [Service in Services]: ServiceSpec<
        NoInfer<Services>,
        NoInfer<Events>,
        NoInfer<Profiles>,
        Versions,
        Mounts,
        NoInfer<Externals>,
        Ports
      >;
    };
    events?: { [Event in Events]: Schema.Event };
    externals?: { [External in Externals]: Schema.External };
    environments?: {
      [environment: string]: EnvironmentSpec<NoInfer<Services>, NoInfer<Events>, NoInfer<Profiles>, NoInfer<Externals>>;
    };
  },
): SystemSpec<Services, Events, Profiles, Externals> {
  return spec as SystemSpec<Services, Events, Profiles, Externals>;
}

export type * from './spec/schema.generated.js';
export type { ExtraObjectSpec, MergePatchOf, ServicePatchesSpec, SystemPatchesSpec } from './dsl-patches.js';
