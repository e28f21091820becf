import type * as Schema from './spec/schema.generated.js';

/**
 * A service whose references are checked by the TypeScript compiler: `calls` names a declared service,
 * `publishes` and `subscribes` name declared events, `profile` names a declared profile.
 */
export interface ServiceSpec<Services extends string = string, Events extends string = string, Profiles extends string = string>
  extends Omit<Schema.Service, 'calls' | 'publishes' | 'subscribes' | 'profile'> {
  profile?: Profiles;
  calls?: Array<Services | { service: Services; critical?: boolean }>;
  publishes?: Events[];
  /** With no events declared, any key is an error (a mapped type over `never` would accept anything). */
  subscribes?: [Events] extends [never] ? { [event: string]: never } : { [Event in Events]?: Schema.Subscription };
}

/** The spec of a whole system, the same shape as schemas/system.schema.json. */
export interface SystemSpec<Services extends string = string, Events extends string = string, Profiles extends string = string>
  extends Omit<Schema.System, 'services' | 'events' | 'profiles'> {
  profiles?: { [Profile in Profiles]: Schema.Profile };
  services: { [Service in Services]: ServiceSpec<Services, Events, Profiles> };
  events?: { [Event in Events]: Schema.Event };
}

/**
 * Returns the spec unchanged, typed: the names of services, events and profiles are inferred from their
 * keys, and every reference to them is checked (and completed) by the editor.
 *
 * ```ts
 * export default defineSystem({ apiVersion: 'hamesh.dev/v1', kind: 'System', metadata: { name: 'shop' },
 *   services: { web: { image: 'web:1', calls: ['cart'] }, cart: { image: 'cart:1' } } });
 * ```
 */
export function defineSystem<const Services extends string, const Events extends string = never, const Profiles extends string = never>(
  spec: Omit<SystemSpec, 'services' | 'events' | 'profiles'> & {
    profiles?: { [Profile in Profiles]: Schema.Profile };
    services: { [Service in Services]: ServiceSpec<NoInfer<Services>, NoInfer<Events>, NoInfer<Profiles>> };
    events?: { [Event in Events]: Schema.Event };
  },
): SystemSpec<Services, Events, Profiles> {
  return spec as SystemSpec<Services, Events, Profiles>;
}

export type * from './spec/schema.generated.js';
