import type { NormalizedService } from '../../normalize/model.js';
import type { ResolvedSystem } from '../../resolve/resolve.js';
import { compareStrings } from '../../util/order.js';
import type { JetStreamPlan } from './plan.js';

/** The publish and subscribe subjects one service may use. */
export interface NatsPermissionsPlan {
  service: NormalizedService;
  /** The nats-server config variable holding the permissions, e.g. `CHECKOUT_PERMISSIONS`. */
  variable: string;
  publish: string[];
  subscribe: string[];
}

/** Service names are DNS labels (no `_`), so upper-casing and `-` → `_` keeps them apart. */
const permissionsVariable = (service: string) => `${service.toUpperCase().replace(/-/g, '_')}_PERMISSIONS`;

/**
 * The prefix of a service's reply subjects. JetStream answers publishes, pulls and acks on the client's inbox;
 * a private prefix (the client's `inboxPrefix`) keeps one service from reading another's replies.
 */
const inboxPrefix = (service: string) => `_INBOX.${service}`;

const sorted = (subjects: Iterable<string>) => [...new Set(subjects)].sort(compareStrings);

/**
 * Least privilege per service, from the graph: a publisher may publish its events' subjects; a subscriber may
 * look up its durable consumers, pull from them and acknowledge their messages (`$JS.API.CONSUMER.INFO`,
 * `$JS.API.CONSUMER.MSG.NEXT`, `$JS.ACK` of exactly its stream/consumer pairs). Both may subscribe to their own
 * inbox only. No stream or consumer management, no other subject.
 */
export function planNatsPermissions(resolved: ResolvedSystem, plan: JetStreamPlan): NatsPermissionsPlan[] {
  return resolved.system.services.flatMap((service) => {
    const consumers = plan.consumers.filter((consumer) => consumer.service === service);
    if (service.publishes.length === 0 && consumers.length === 0) return [];
    const publish = [
      ...service.publishes,
      ...consumers.flatMap(({ stream, name }) => [
        `$JS.API.CONSUMER.INFO.${stream}.${name}`,
        `$JS.API.CONSUMER.MSG.NEXT.${stream}.${name}`,
        `$JS.ACK.${stream}.${name}.>`,
      ]),
    ];
    return [
      {
        service,
        variable: permissionsVariable(service.name),
        publish: sorted(publish),
        subscribe: [`${inboxPrefix(service.name)}.>`],
      },
    ];
  });
}
