import type { NormalizedEnvVar, NormalizedService } from '../../normalize/model.js';
import { brokerBootstrap, headlessServiceName, serviceHost, servicePort } from '../../resolve/addresses.js';
import type { ResolvedSystem } from '../../resolve/resolve.js';
import type { EnvValue } from '../../spec/schema.generated.js';
import { envReferences } from '../../util/env-references.js';
import { compareStrings } from '../../util/order.js';
import { brokerSecretKeys, clusterCaSecret } from '../../spec/broker-credentials.js';
import { kafkaUserName } from '../kafka/users.js';
import { consumerName } from '../nats/names.js';

/** A container env entry as Kubernetes takes it. */
export type ContainerEnvVar = { name: string; value: string } | { name: string; valueFrom: Record<string, unknown> };

/**
 * Orders variables by name, except that one whose value uses `$(OTHER)` comes after OTHER: Kubernetes expands
 * `$(VAR)` only from variables listed earlier. Topological (Kahn), ties by name, so the order does not depend
 * on the spec's key order. Variables in a cycle (validation reports them) keep name order at the end.
 */
function orderEnv<T extends { name: string; value: unknown }>(vars: readonly T[]): T[] {
  const byName = new Map(vars.map((v) => [v.name, v]));
  const dependsOn = new Map(
    vars.map((v) => [
      v.name,
      new Set(typeof v.value === 'string' ? envReferences(v.value).filter((n) => byName.has(n) && n !== v.name) : []),
    ]),
  );
  const ordered: T[] = [];
  const done = new Set<string>();
  const names = [...byName.keys()].sort(compareStrings);
  while (ordered.length < names.length) {
    const next = names.find((n) => !done.has(n) && [...dependsOn.get(n)!].every((d) => done.has(d)));
    if (next === undefined) {
      ordered.push(...names.filter((n) => !done.has(n)).map((n) => byName.get(n)!));
      break;
    }
    done.add(next);
    ordered.push(byName.get(next)!);
  }
  return ordered;
}

/**
 * The value of a reference hamesh resolves from the graph, or the Kubernetes `valueFrom` of a runtime one.
 * `container` is the container whose env it is (a `resource` reference reads that container's requests and limits).
 */
function resolveValue(
  resolved: ResolvedSystem,
  self: NormalizedService,
  container: string,
  value: EnvValue,
): string | Record<string, unknown> {
  const { system } = resolved;
  if (typeof value !== 'object') return String(value);
  const target = (name: string) => resolved.service(name)!;
  if ('secret' in value)
    return {
      secretKeyRef: {
        name: value.secret,
        key: value.key,
        ...(value.optional !== undefined && { optional: value.optional }),
      },
    };
  if ('config' in value)
    return {
      configMapKeyRef: {
        name: value.config,
        key: value.key,
        ...(value.optional !== undefined && { optional: value.optional }),
      },
    };
  if ('field' in value) return { fieldRef: { fieldPath: value.field } };
  if ('resource' in value) {
    return {
      resourceFieldRef: {
        containerName: container,
        resource: value.resource,
        ...(value.divisor !== undefined && { divisor: String(value.divisor) }),
      },
    };
  }
  if ('address' in value) {
    const host = serviceHost(system, value.address);
    const port = servicePort(target(value.address), value.port)!.port;
    return value.scheme ? `${value.scheme}://${host}:${port}${value.path ?? ''}` : `${host}:${port}`;
  }
  if ('host' in value) return serviceHost(system, value.host);
  if ('headless' in value) return serviceHost(system, headlessServiceName(value.headless));
  if ('port' in value) return String(servicePort(target(value.port), value.name)!.port);
  if ('broker' in value) {
    const user = kafkaUserName(system.name, self.name);
    if (value.broker === 'bootstrap') return brokerBootstrap(system);
    // Strimzi's TLS user is the certificate's subject.
    if (value.broker === 'username') return system.broker.auth === 'tls' ? `CN=${user}` : user;
    if (value.broker === 'ca') return { secretKeyRef: clusterCaSecret(system.broker.cluster) };
    return { secretKeyRef: { name: user, key: brokerSecretKeys[value.broker].key } };
  }
  if ('topic' in value) return value.topic;
  const group = self.subscribes.find((s) => s.event === value.group)!.group;
  return system.broker.kind === 'nats' ? consumerName(group) : group;
}

/** The env of a container of `self`'s pod (`container`: its name): every reference resolved, in expansion order (see orderEnv). */
export function containerEnv(
  resolved: ResolvedSystem,
  self: NormalizedService,
  container: string,
  env: readonly NormalizedEnvVar[],
): ContainerEnvVar[] {
  const values = env.map((v) => ({ name: v.name, value: resolveValue(resolved, self, container, v.value) }));
  return orderEnv(values).map(({ name, value }) =>
    typeof value === 'string' ? { name, value } : { name, valueFrom: value },
  );
}
