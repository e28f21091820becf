// What Sidecar egress scoping (mesh.sidecarScope) saves: the hosts every proxy carries configuration (an Envoy
// cluster each) for, summed over the services, computed from the resolved graph of a spec file. Without a
// Sidecar a proxy carries every host of the mesh: N services (plus the broker's Services, the externals and
// istio-system), so about N×N in all; with one, exactly its egress hosts (callees, externals, broker, istio-system).
// istio-system counts as one host either way. Usage: node bench/envoy-clusters.mjs SPEC (prints one JSON line).
import { analyze } from '../dist/pipeline.js';
import { egressHosts } from '../dist/render/istio/sidecar.js';

export async function envoyClusters(file) {
  const { resolved } = await analyze(file);
  if (!resolved) throw new Error(`${file} does not resolve`);
  const { services, externals } = resolved.system;
  const broker = new Set(
    services.flatMap((s) => egressHosts(resolved, s).filter((h) => !h.startsWith('./') && h !== 'istio-system/*')),
  );
  const everyHost = services.length + externals.reduce((n, e) => n + e.hosts.length, 0) + broker.size + 1;
  const scoped = services.reduce((n, s) => n + egressHosts(resolved, s).length, 0);
  return { services: services.length, unscoped: services.length * everyHost, scoped };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await envoyClusters(process.argv[2])));
