import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline.js';
import { cpuQuantity, memoryQuantity } from '../../src/render/kubernetes/quantity.js';
import { root } from '../helpers/cli.js';

type Json = Record<string, any>;

/** Upstream's Deployments and Services, reduced to the values compared here (source and licence inside). */
const upstream = JSON.parse(readFileSync(`${root}test/fixtures/online-boutique/upstream.json`, 'utf8')) as {
  deployments: Record<string, Json>;
  services: Record<string, { type: string; ports: Array<{ port: number; targetPort: number }> }>;
};

const spec = `${root}examples/online-boutique/system.yaml`;
const namespaceSuffix = '.boutique.svc.cluster.local';

/**
 * Upstream's values and hamesh's mean the same when they differ only in spelling: an in-cluster address in
 * full (`frontend.boutique.svc.cluster.local:80` for `frontend:80`), a port by name rather than number,
 * a quantity in another unit, a default written out (`privileged: false`).
 */
const sameAddress = (value: string) => value.replace(namespaceSuffix, '');
const quantities = (resources: Json) =>
  Object.fromEntries(
    Object.entries(resources).map(([kind, values]) => [
      kind,
      Object.fromEntries(
        Object.entries(values as Json).map(([name, q]) => [name, name === 'cpu' ? cpuQuantity(q) : memoryQuantity(q)]),
      ),
    ]),
  );
const withoutDefaults = ({ privileged, ...context }: Json) =>
  privileged === false ? context : { privileged, ...context };

/** A probe with its port as a number (hamesh names HTTP and TCP ports; gRPC probes take a number). */
function probeOf(probe: Json | undefined, ports: Record<string, number>): Json | undefined {
  if (!probe) return undefined;
  const port = (p: string | number) => (typeof p === 'string' ? ports[p] : p);
  const { grpc, tcpSocket, httpGet, ...timings } = probe;
  const handler = grpc
    ? { grpc: { ...grpc, port: port(grpc.port) } }
    : tcpSocket
      ? { tcpSocket: { port: port(tcpSocket.port) } }
      : { httpGet: { ...httpGet, port: port(httpGet.port) } };
  return { ...handler, ...timings };
}

function containerOf(container: Json): Json {
  const ports = Object.fromEntries((container.ports ?? []).map((p: Json) => [p.name, p.containerPort]));
  return {
    image: container.image,
    ...(container.command && { command: container.command }),
    ...(container.args && { args: container.args }),
    env: Object.fromEntries((container.env ?? []).map((e: Json) => [e.name, sameAddress(e.value)])),
    ports: (container.ports ?? []).map((p: Json) => p.containerPort),
    ...(container.readinessProbe && { readinessProbe: probeOf(container.readinessProbe, ports) }),
    ...(container.livenessProbe && { livenessProbe: probeOf(container.livenessProbe, ports) }),
    ...(container.resources && { resources: quantities(container.resources) }),
    securityContext: withoutDefaults(container.securityContext),
    ...(container.volumeMounts && { volumeMounts: container.volumeMounts }),
  };
}

/** Upstream's container in the same terms (its fixture already has env as a map and ports as numbers). */
function upstreamContainerOf(container: Json): Json {
  const ports = Object.fromEntries(container.ports.map((p: number) => [String(p), p]));
  return {
    ...container,
    ...(container.readinessProbe && { readinessProbe: probeOf(container.readinessProbe, ports) }),
    ...(container.livenessProbe && { livenessProbe: probeOf(container.livenessProbe, ports) }),
    ...(container.resources && { resources: quantities(container.resources) }),
    securityContext: withoutDefaults(container.securityContext),
  };
}

describe('examples/online-boutique: the build is equivalent to upstream Online Boutique', async () => {
  const result = await build(spec, { verify: true });
  const documents = (result.documents ?? []).map((d) => d.value as Json);
  const of = (kind: string) =>
    new Map(documents.filter((d) => d.kind === kind).map((d) => [d.metadata.name as string, d]));
  const deployments = of('Deployment');
  const services = of('Service');

  it('builds, verified against the upstream schemas, and lints clean at its own policy', () => {
    expect(result.diagnostics).toEqual([]);
    expect([...deployments.keys()].sort()).toEqual(Object.keys(upstream.deployments).sort());
  });

  it.each(Object.keys(upstream.deployments))(
    '%s: env, command/args, ports, probes, resources, security and volumes match',
    (name) => {
      const expected = upstream.deployments[name]!;
      const pod = deployments.get(name)!.spec.template.spec;
      expect(containerOf(pod.containers[0])).toEqual(upstreamContainerOf(expected.container));
      expect((pod.initContainers ?? []).map(containerOf)).toEqual(
        (expected.initContainers ?? []).map(upstreamContainerOf),
      );
      // hamesh adds the runtime's default seccomp profile (Pod Security "restricted") to upstream's pod context.
      expect(pod.securityContext).toEqual({ ...expected.securityContext, seccompProfile: { type: 'RuntimeDefault' } });
      expect(pod.volumes).toEqual(expected.volumes);
      expect(pod.terminationGracePeriodSeconds).toEqual(expected.terminationGracePeriodSeconds);
    },
  );

  it.each(Object.keys(upstream.services))('Service %s has the same type and exposes the same ports', (name) => {
    const service = services.get(name)!;
    expect(service.spec.type ?? 'ClusterIP').toBe(upstream.services[name]!.type);
    const pod = deployments.get(service.spec.selector.app)!.spec.template.spec;
    const containerPort = (target: string | number) =>
      typeof target === 'number' ? target : pod.containers[0].ports.find((p: Json) => p.name === target).containerPort;
    expect(service.spec.ports.map((p: Json) => ({ port: p.port, targetPort: containerPort(p.targetPort) }))).toEqual(
      upstream.services[name]!.ports,
    );
  });

  it('has no Service for the load generator (a worker), as upstream', () => {
    expect(services.has('loadgenerator')).toBe(false);
    expect(upstream.services.loadgenerator).toBeUndefined();
  });

  it("admits the LoadBalancer frontend-external's clients from outside the mesh, and so the ingress gateway too", () => {
    const of = (kind: string) => documents.find((d) => d.kind === kind && d.metadata.name === 'frontend')!;
    expect(of('PeerAuthentication').spec).toEqual({
      selector: { matchLabels: { app: 'frontend' } },
      mtls: { mode: 'PERMISSIVE' },
    });
    expect(of('AuthorizationPolicy').spec.rules).toEqual([{}]);
    const cart = documents.find((d) => d.kind === 'AuthorizationPolicy' && d.metadata.name === 'cartservice')!;
    expect(cart.spec.rules[0].from[0].source.principals).not.toContain('cluster.local/ns/boutique/sa/loadgenerator');
  });
});
