import type {
  NormalizedCall,
  NormalizedEvent,
  NormalizedExternal,
  NormalizedService,
  NormalizedSubscription,
  NormalizedSystem,
} from '../normalize/model.js';

/** What a call reaches: a service of the spec or an external (their names never clash: validation sees to it). */
export type CallTarget = NormalizedService | NormalizedExternal;

export const isExternal = (target: CallTarget): target is NormalizedExternal => 'hosts' in target;

export interface Caller {
  service: NormalizedService;
  call: NormalizedCall;
}

export interface Subscriber {
  service: NormalizedService;
  subscription: NormalizedSubscription;
}

/** The normalized system plus its call graph and event graph, indexed for the lint and render stages. */
export interface ResolvedSystem {
  system: NormalizedSystem;
  service(name: string): NormalizedService | undefined;
  event(name: string): NormalizedEvent | undefined;
  external(name: string): NormalizedExternal | undefined;
  /** A service or an external. */
  target(name: string): CallTarget | undefined;
  /** Services called by `name`, in the spec's order. */
  callees(name: string): Array<{ call: NormalizedCall; service: NormalizedService }>;
  /** Everything `name` calls, services and externals, in the spec's order. */
  calls(name: string): Array<{ call: NormalizedCall; target: CallTarget }>;
  /** Services that call `name`, sorted by caller name. */
  callers(name: string): Caller[];
  /** Services publishing `event`, sorted by name. */
  publishers(event: string): NormalizedService[];
  /** Subscriptions to `event`, sorted by service name. */
  subscribers(event: string): Subscriber[];
}

/** Indexes the graph. Assumes validation passed, so every reference names a declared service or event. */
export function resolve(system: NormalizedSystem): ResolvedSystem {
  const services = new Map(system.services.map((s) => [s.name, s]));
  const events = new Map(system.events.map((e) => [e.name, e]));
  const externals = new Map(system.externals.map((e) => [e.name, e]));
  const target = (name: string): CallTarget | undefined => services.get(name) ?? externals.get(name);
  const callers = new Map<string, Caller[]>();
  const publishers = new Map<string, NormalizedService[]>();
  const subscribers = new Map<string, Subscriber[]>();
  const push = <T>(map: Map<string, T[]>, key: string, value: T) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  // system.services is sorted by name, so every list below comes out sorted too.
  for (const service of system.services) {
    for (const call of service.calls) push(callers, call.service, { service, call });
    for (const event of service.publishes) push(publishers, event, service);
    for (const subscription of service.subscribes) push(subscribers, subscription.event, { service, subscription });
  }
  return {
    system,
    service: (name) => services.get(name),
    event: (name) => events.get(name),
    external: (name) => externals.get(name),
    target,
    callees: (name) =>
      (services.get(name)?.calls ?? []).flatMap((call) => {
        const service = services.get(call.service);
        return service ? [{ call, service }] : [];
      }),
    calls: (name) =>
      (services.get(name)?.calls ?? []).flatMap((call) => {
        const callee = target(call.service);
        return callee ? [{ call, target: callee }] : [];
      }),
    callers: (name) => callers.get(name) ?? [],
    publishers: (event) => publishers.get(event) ?? [],
    subscribers: (event) => subscribers.get(event) ?? [],
  };
}
