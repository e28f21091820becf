import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline.js';
import { root } from '../helpers/cli.js';

type Json = Record<string, any>;

/** Upstream's two ServiceEntries (istio-manifests/allow-egress-googleapis.yaml), their names and specs (source and licence inside). */
const upstream = JSON.parse(readFileSync(`${root}test/fixtures/online-boutique/upstream-istio.json`, 'utf8')) as {
  serviceEntries: Record<string, Json>;
};

/** Istio's defaults written out, as hamesh writes them: location MESH_EXTERNAL and resolution NONE are the enums' zero values. */
const withIstioDefaults = (spec: Json) => ({ location: 'MESH_EXTERNAL', resolution: 'NONE', ...spec });

describe("examples/online-boutique: upstream's ServiceEntries as externals", async () => {
  const result = await build(`${root}examples/online-boutique/system.yaml`, { verify: true });
  const entries = new Map(
    (result.documents ?? [])
      .filter((d) => d.value.kind === 'ServiceEntry')
      .map((d) => [(d.value.metadata as Json).name as string, d.value as Json]),
  );

  it("builds verified, with exactly upstream's ServiceEntries", () => {
    expect(result.diagnostics).toEqual([]);
    expect([...entries.keys()].sort()).toEqual(Object.keys(upstream.serviceEntries).sort());
  });

  it.each(Object.keys(upstream.serviceEntries))("%s has upstream's hosts, addresses, ports and resolution", (name) => {
    const sortPorts = (spec: Json) => ({
      ...spec,
      ports: [...spec.ports].sort((a: Json, b: Json) => a.number - b.number),
    });
    expect(sortPorts(entries.get(name)!.spec)).toEqual(sortPorts(withIstioDefaults(upstream.serviceEntries[name]!)));
  });
});
