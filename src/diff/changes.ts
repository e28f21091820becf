import type { NormalizedEvent, NormalizedService, NormalizedSubscription } from '../normalize/model.js';
import type { RenderedDocument } from '../render/target.js';
import type { ResolvedSystem } from '../resolve/resolve.js';
import { compareStrings } from '../util/order.js';
import { canonical, fieldChanges, show } from './values.js';

/** One semantic change of the spec: a service, event, call or subscription added, removed or changed. */
export interface SpecChange {
  change: 'added' | 'removed' | 'changed';
  /** What changed: `service cart`, `event order.created`, `caller checkout → payments`, `subscriber inventory ← order.created`. */
  subject: string;
  /** For `changed`: the field (dotted path into the normalised object), its old and new value. */
  field?: string;
  from?: unknown;
  to?: unknown;
}

/** One Kubernetes object (or standalone file) the build adds, removes or changes. */
export interface ObjectChange {
  change: 'added' | 'removed' | 'changed';
  /** `Deployment shop/cart`, or the file's path for a standalone file. */
  object: string;
  /** The output file it is written to under --out. */
  file: string;
  /** For `changed`: the fields that differ (dotted paths). */
  fields?: string[];
}

/** Spec pointers, names and `origin` (which spec entry a value came from) are not what the cluster gets. */
const ignored = new Set(['path', 'name', 'origin']);
/** The graph edges, listed as callers and subscribers of their own. */
const edges = new Set([...ignored, 'calls', 'publishes', 'subscribes']);

function keyed<T>(items: readonly T[], key: (item: T) => string): Map<string, T> {
  return new Map(items.map((item) => [key(item), item]));
}

/** Added, removed and changed entries of two keyed collections, in key order. */
function compare<T>(
  before: Map<string, T>,
  after: Map<string, T>,
  subject: (key: string) => string,
  ignore: ReadonlySet<string>,
): SpecChange[] {
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort(compareStrings);
  return keys.flatMap((key): SpecChange[] => {
    const a = before.get(key);
    const b = after.get(key);
    if (a === undefined) return [{ change: 'added', subject: subject(key) }];
    if (b === undefined) return [{ change: 'removed', subject: subject(key) }];
    return fieldChanges(a, b, ignore).map((f) => ({ change: 'changed', subject: subject(key), ...f }));
  });
}

const calls = (r: ResolvedSystem) =>
  keyed(
    r.system.services.flatMap((s) => s.calls.map((call) => ({ from: s.name, ...call }))),
    (c) => `${c.from} → ${c.service}`,
  );
const publications = (r: ResolvedSystem) =>
  keyed(
    r.system.services.flatMap((s) => s.publishes.map((event) => `${s.name} → ${event}`)),
    (k) => k,
  );
const subscriptions = (r: ResolvedSystem) =>
  keyed(
    r.system.services.flatMap((s) =>
      s.subscribes.map((sub): NormalizedSubscription & { service: string } => ({ service: s.name, ...sub })),
    ),
    (s) => `${s.service} ← ${s.event}${s.group === s.service ? '' : ` (group ${s.group})`}`,
  );

/** What the new version changes in the spec, after defaults: services, events, calls, publications, subscriptions. */
export function specChanges(before: ResolvedSystem, after: ResolvedSystem): SpecChange[] {
  const services = (r: ResolvedSystem) => keyed<NormalizedService>(r.system.services, (s) => s.name);
  const events = (r: ResolvedSystem) => keyed<NormalizedEvent>(r.system.events, (e) => e.name);
  return [
    ...compare(services(before), services(after), (name) => `service ${name}`, edges),
    ...compare(calls(before), calls(after), (key) => `caller ${key}`, new Set([...ignored, 'from', 'service'])),
    ...compare(events(before), events(after), (name) => `event ${name}`, ignored),
    ...compare(publications(before), publications(after), (key) => `publisher ${key}`, ignored),
    ...compare(
      subscriptions(before),
      subscriptions(after),
      (key) => `subscriber ${key}`,
      new Set([...ignored, 'service', 'event', 'group']),
    ),
  ];
}

/** `+ service cart`, `- caller frontend → recommendations`, `service cart: replicas 2 → 3`. */
export function describeSpecChange(c: SpecChange): string {
  if (c.change === 'added') return `+ ${c.subject}`;
  if (c.change === 'removed') return `- ${c.subject}`;
  return `~ ${c.subject}: ${c.field} ${show(c.from)} → ${show(c.to)}`;
}

const identity = (d: RenderedDocument): string => {
  if (d.kind === 'file') return d.file;
  const metadata = (d.value.metadata ?? {}) as { name?: string; namespace?: string };
  return `${String(d.value.kind)} ${metadata.namespace ? `${metadata.namespace}/` : ''}${metadata.name ?? ''}`;
};

/** What the new build adds to, removes from and changes in the cluster (and the standalone files). */
export function objectChanges(before: readonly RenderedDocument[], after: readonly RenderedDocument[]): ObjectChange[] {
  const a = keyed(before, identity);
  const b = keyed(after, identity);
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort(compareStrings);
  return keys.flatMap((object): ObjectChange[] => {
    const old = a.get(object);
    const next = b.get(object);
    if (!old) return [{ change: 'added', object, file: next!.file }];
    if (!next) return [{ change: 'removed', object, file: old.file }];
    if (canonical(old.value) === canonical(next.value)) return [];
    return [
      { change: 'changed', object, file: next.file, fields: fieldChanges(old.value, next.value).map((f) => f.field) },
    ];
  });
}
