import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline.js';
import { asyncApiTarget } from '../../src/render/asyncapi/target.js';
import { cpuQuantity, memoryQuantity } from '../../src/render/kubernetes/quantity.js';
import { root } from '../helpers/cli.js';

type Json = Record<string, any>;

/** Upstream's Deployments, Services and mounted ConfigMaps, verbatim (source and licence at the top of the file). */
const upstreamObjects = parseAllDocuments(readFileSync(`${root}test/fixtures/otel-demo/upstream.yaml`, 'utf8'))
  .map((d) => d.toJS() as Json | null)
  .filter((d): d is Json => d !== null);

const spec = `${root}examples/otel-demo/system.yaml`;

/** Objects of one kind by name. */
const byName = (objects: Json[], kind: string) =>
  new Map(objects.filter((o) => o.kind === kind).map((o) => [o.metadata.name as string, o]));

/**
 * What a container sees in its environment: each variable's value with `$(VAR)` expanded from the variables
 * before it (as the kubelet does), a pod field read from the pod's own labels, and an in-cluster address
 * written in full (`kafka.otel-demo.svc.cluster.local:9092`) read as upstream's short one (`kafka:9092`).
 */
function environment(container: Json, pod: Json): Record<string, string> {
  const seen: Record<string, string> = {};
  for (const variable of container.env ?? []) {
    const field = variable.valueFrom?.fieldRef?.fieldPath as string | undefined;
    const label = field?.match(/^metadata\.labels\['(.+)'\]$/)?.[1];
    const raw = label !== undefined ? pod.metadata.labels[label] : field !== undefined ? `<${field}>` : variable.value;
    const expanded = String(raw).replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (all, name: string) => seen[name] ?? all);
    seen[variable.name] = expanded.replaceAll('.otel-demo.svc.cluster.local', '');
  }
  return seen;
}

/** Quantities in one unit (`20Mi` and `20971520` are the same limit). */
const quantities = (resources: Json | undefined) =>
  Object.fromEntries(
    Object.entries(resources ?? {}).map(([kind, values]) => [
      kind,
      Object.fromEntries(
        Object.entries(values as Json).map(([name, q]) => [name, name === 'cpu' ? cpuQuantity(q) : memoryQuantity(q)]),
      ),
    ]),
  );

/** A probe with its port as a number (upstream's are numbers; hamesh names declared ports). */
function probe(container: Json, value: Json | undefined): Json | undefined {
  if (!value) return undefined;
  const port = (p: string | number) =>
    typeof p === 'number' ? p : container.ports.find((q: Json) => q.name === p).containerPort;
  const { httpGet, tcpSocket, grpc, ...timings } = value;
  const handler = httpGet
    ? { httpGet: { ...httpGet, port: port(httpGet.port) } }
    : tcpSocket
      ? { tcpSocket: { port: port(tcpSocket.port) } }
      : { grpc: { ...grpc, port: port(grpc.port) } };
  return { ...handler, ...timings };
}

/**
 * The files a container sees through its mounts: each path with the ConfigMap content there (a whole ConfigMap
 * mounted as a folder, some of its keys, or one key by `subPath`), and `emptyDir` for a writable scratch folder.
 */
function mounts(container: Json, pod: Json, configMaps: Map<string, Json>): Record<string, string> {
  const seen: Record<string, string> = {};
  for (const mount of container.volumeMounts ?? []) {
    const volume = pod.spec.volumes.find((v: Json) => v.name === mount.name);
    if (volume.emptyDir) {
      seen[mount.mountPath] = 'emptyDir';
      continue;
    }
    const data = configMaps.get(volume.configMap.name)!.data as Record<string, string>;
    if (mount.subPath) seen[mount.mountPath] = data[mount.subPath]!;
    else
      for (const { key, path } of volume.configMap.items ?? Object.keys(data).map((key) => ({ key, path: key })))
        seen[`${mount.mountPath}/${path}`] = data[key]!;
  }
  return seen;
}

/** A container in the terms compared: what it runs, sees, listens on, is probed with, may use and runs as. */
function container(c: Json, pod: Json, configMaps: Map<string, Json>): Json {
  return {
    image: c.image,
    command: c.command,
    args: c.args,
    env: environment(c, pod),
    ports: (c.ports ?? []).map((p: Json) => `${p.containerPort}/${p.protocol ?? 'TCP'}`).sort(),
    readinessProbe: probe(c, c.readinessProbe),
    livenessProbe: probe(c, c.livenessProbe),
    resources: quantities(c.resources),
    files: mounts(c, pod, configMaps),
  };
}

/**
 * The user a container runs as: its own securityContext over its pod's. Only a non-root requirement that is set
 * counts (`runAsNonRoot: false` is what leaving it out means).
 */
function user(c: Json, pod: Json): Json {
  const context = { ...pod.spec.securityContext, ...c.securityContext };
  return {
    runAsUser: context.runAsUser,
    runAsGroup: context.runAsGroup,
    fsGroup: context.fsGroup,
    runAsNonRoot: context.runAsNonRoot === true ? true : undefined,
  };
}

/**
 * Every container of a pod: the main one as `main` (hamesh names it after the service, upstream's collector
 * container is `opentelemetry-collector`), its sidecars and init containers by name.
 */
function containers(deployment: Json, configMaps: Map<string, Json>): Record<string, Json> {
  const pod = deployment.spec.template;
  return Object.fromEntries(
    [...pod.spec.containers, ...(pod.spec.initContainers ?? [])].map((c: Json, index: number) => [
      index === 0 ? 'main' : c.name,
      { ...container(c, pod, configMaps), user: user(c, pod) },
    ]),
  );
}

/**
 * Where the build differs from upstream (see the example's header): postgresql runs as the image's postgres user
 * rather than starting as root, which would need the capabilities hamesh drops; and hamesh mounts a `files` entry
 * into the main container too, so flagd also sees the seed of its flags file (read-only) where its init container
 * reads it.
 */
function deliberate(name: string, expected: Record<string, Json>): Record<string, Json> {
  if (name === 'postgresql')
    return { main: { ...expected.main, user: { runAsUser: 999, runAsGroup: 999, fsGroup: 999, runAsNonRoot: true } } };
  if (name === 'flagd') {
    const seed = expected['init-config']!.files['/config-ro/demo.flagd.json'];
    const main = expected.main!;
    return { ...expected, main: { ...main, files: { ...main.files, '/config-ro/demo.flagd.json': seed } } };
  }
  return expected;
}

describe('examples/otel-demo: the build is equivalent to upstream OpenTelemetry demo', async () => {
  const result = await build(spec, { verify: true });
  const documents = (result.documents ?? []).map((d) => d.value as Json);
  const deployments = byName(documents, 'Deployment');
  const services = byName(documents, 'Service');
  const configMaps = byName(documents, 'ConfigMap');
  const upstream = {
    deployments: byName(upstreamObjects, 'Deployment'),
    services: byName(upstreamObjects, 'Service'),
    configMaps: byName(upstreamObjects, 'ConfigMap'),
  };

  it('builds, verified against the upstream schemas, and lints clean at its own policy', () => {
    expect(result.diagnostics).toEqual([]);
    expect([...deployments.keys()].sort()).toEqual([...upstream.deployments.keys()].sort());
    expect(documents.filter((d) => d.kind === 'StatefulSet')).toEqual([]);
  });

  it.each([...upstream.deployments.keys()])(
    '%s: every container has the same image, command/args, env, ports, probes, limits, user and files',
    (name) => {
      const expected = deliberate(name, containers(upstream.deployments.get(name)!, upstream.configMaps));
      expect(containers(deployments.get(name)!, configMaps)).toEqual(expected);
    },
  );

  it.each([...upstream.services.keys()])('Service %s has the same type and forwards the same ports', (name) => {
    const ports = (service: Json, deployment: Json) => {
      const containerPorts = deployment.spec.template.spec.containers.flatMap((c: Json) => c.ports ?? []);
      const target = (t: string | number) =>
        typeof t === 'number' ? t : containerPorts.find((p: Json) => p.name === t).containerPort;
      return service.spec.ports
        .map((p: Json) => `${p.port}→${target(p.targetPort ?? p.port)}/${p.protocol ?? 'TCP'}`)
        .sort();
    };
    const expected = upstream.services.get(name)!;
    const service = services.get(name)!;
    expect(service.spec.type ?? 'ClusterIP').toBe(expected.spec.type ?? 'ClusterIP');
    expect(ports(service, deployments.get(name)!)).toEqual(ports(expected, upstream.deployments.get(name)!));
  });

  it('has no Service for the Kafka consumers (workers), as upstream', () => {
    for (const worker of ['accounting', 'fraud-detection']) {
      expect(services.has(worker)).toBe(false);
      expect(upstream.services.has(worker)).toBe(false);
    }
  });

  it('wires the Kafka pipeline: checkout publishes orders, accounting and fraud-detection consume, kafka admits them', async () => {
    const policy = documents.find((d) => d.kind === 'AuthorizationPolicy' && d.metadata.name === 'kafka')!;
    expect(policy.spec.rules[0].from[0].source.principals).toEqual(
      ['accounting', 'checkout', 'fraud-detection', 'kafka'].map((sa) => `cluster.local/ns/otel-demo/sa/${sa}`),
    );
    // Upstream's Kafka is a plain Deployment: hamesh operates no Strimzi objects for it.
    expect(documents.filter((d) => String(d.apiVersion).startsWith('kafka.strimzi.io'))).toEqual([]);
    // Upstream's code: checkout's producer writes topic "orders" (src/checkout/kafka/producer.go), accounting reads
    // it in group "accounting" (src/accounting/Consumer.cs), fraud-detection in "fraud-detection" (main.kt).
    const catalog = (await build(spec, { verify: true, targets: [asyncApiTarget] })).documents![0]!.value as Json;
    expect(catalog.servers.kafka).toMatchObject({
      host: 'kafka.otel-demo.svc.cluster.local:9092',
      description: 'Kafka run by the service kafka',
    });
    expect(catalog.channels.orders.address).toBe('orders');
    const operations = Object.values(catalog.operations as Record<string, Json>).map((o) => [
      o.action,
      o.summary.split(' ')[0],
      o.bindings?.kafka.groupId.enum[0],
    ]);
    expect(operations.sort()).toEqual([
      ['receive', 'accounting', 'accounting'],
      ['receive', 'fraud-detection', 'fraud-detection'],
      ['send', 'checkout', undefined],
    ]);
  });

  it("gives the collector its API access: upstream's ClusterRole, and a token in its pod", () => {
    const role = documents.find((d) => d.kind === 'ClusterRole' && d.metadata.name === 'otel-collector')!;
    expect(role.metadata.namespace).toBeUndefined();
    expect(role.rules[0]).toEqual({
      apiGroups: [''],
      resources: ['pods', 'namespaces'],
      verbs: ['get', 'watch', 'list'],
    });
    const account = documents.find((d) => d.kind === 'ServiceAccount' && d.metadata.name === 'otel-collector')!;
    expect(account.automountServiceAccountToken).toBe(true);
  });
});
