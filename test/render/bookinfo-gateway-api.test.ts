import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadSpec } from '../../src/load/load.js';
import { build } from '../../src/pipeline.js';
import { target } from '../helpers/render.js';
import { specFile } from '../helpers/spec.js';

/** Upstream expectations: Istio's samples/bookinfo Gateway API files (Apache-2.0; see the fixture's header). */
const upstream = parse(readFileSync(new URL('../fixtures/bookinfo/upstream.yaml', import.meta.url), 'utf8')) as Record<
  string,
  Record<string, any>
>;
const targets = ['namespace', 'kubernetes', 'istio', 'gateway-api'].map(target);

type Spec = { services: Record<string, any> };
const example = async (): Promise<Spec> =>
  structuredClone((await loadSpec('examples/bookinfo/system.ts')).data) as Spec;

/** The example without the ratings fault routes: what Gateway API can express of the Bookinfo tasks. */
async function withoutFaults(): Promise<Spec> {
  const spec = await example();
  delete spec.services.ratings.routes;
  return spec;
}

async function built(spec: Spec | string) {
  const file = typeof spec === 'string' ? spec : specFile(spec);
  const result = await build(file, { verify: true, lint: 'off', targets });
  const values = (result.documents ?? []).map((d) => d.value as Record<string, any>);
  const get = (kind: string, name: string) => values.find((v) => v.kind === kind && v.metadata.name === name)!;
  return { values, get, errors: result.diagnostics.filter((d) => d.severity === 'error') };
}

/**
 * An HTTPRoute's routing as Gateway API applies it, without what carries no routing meaning here: the
 * parentRef's listener (the Gateway has one) and the core group of a Service, backends of weight 0 (they get no
 * traffic), the weight of a sole backend (it gets all), and a version Service that is its service's only version
 * (it selects all of the service's pods).
 */
function routing(spec: Record<string, any>, soleVersions: Record<string, string>): object {
  return {
    ...spec,
    parentRefs: spec.parentRefs.map(({ sectionName: _s, group, ...ref }: any) => ({
      ...ref,
      ...(group !== undefined && group !== '' && { group }),
    })),
    rules: spec.rules.map(({ name: _name, backendRefs, ...rule }: any) => {
      const live = backendRefs.filter((b: any) => b.weight !== 0);
      return {
        ...rule,
        backendRefs: live.map(({ name, weight, ...b }: any) => ({
          name: soleVersions[name] ?? name,
          ...b,
          ...(live.length > 1 && { weight }),
        })),
      };
    }),
  };
}

describe("Istio's Bookinfo on --target gateway-api, from examples/bookinfo", () => {
  it("refuses the ratings fault injection: a located error naming the feature at the example's line", async () => {
    const { errors, values } = await built('examples/bookinfo/system.ts');
    expect(values).toEqual([]);
    expect(errors).toEqual([
      expect.objectContaining({
        rule: 'gateway-api-unsupported',
        path: '/services/ratings/routes/0/fault',
        file: 'examples/bookinfo/system.ts',
        line: 68,
        message: expect.stringContaining('injects a fault, which Gateway API cannot express'),
      }),
    ]);
  });

  it("emits upstream's Gateway and HTTPRoute with the product page's paths (gateway-api/bookinfo-gateway.yaml)", async () => {
    const out = await built(await withoutFaults());
    expect(out.errors).toEqual([]);
    const expected = upstream['gateway-api/bookinfo-gateway.yaml']!;
    const gateway = out.get('Gateway', 'bookinfo-gateway').spec;
    // The listener's name is ours (one per host); everything else is upstream's.
    expect({ ...gateway, listeners: gateway.listeners.map((l: any) => ({ ...l, name: 'http' })) }).toEqual(
      expected['Gateway/bookinfo-gateway'],
    );
    expect(routing(out.get('HTTPRoute', 'wildcard').spec, { 'productpage-v1': 'productpage' })).toEqual(
      expected['HTTPRoute/bookinfo'],
    );
  });

  it("routes jason to reviews v2 and the rest 80/20 through upstream's version Services (route-reviews-90-10.yaml, bookinfo-versions.yaml)", async () => {
    const out = await built(await withoutFaults());
    const upstreamRoute = upstream['gateway-api/route-reviews-90-10.yaml']!['HTTPRoute/reviews'];
    const backends = upstreamRoute.rules[0].backendRefs.map((b: any, i: number) => ({ ...b, weight: [80, 20][i] }));
    expect(routing(out.get('HTTPRoute', 'reviews').spec, {})).toEqual({
      parentRefs: upstreamRoute.parentRefs,
      rules: [
        {
          matches: [{ headers: [{ name: 'end-user', type: 'Exact', value: 'jason' }] }],
          backendRefs: [{ name: 'reviews-v2', port: 9080 }],
        },
        { backendRefs: backends },
      ],
    });
    for (const [key, spec] of Object.entries(upstream['platform/kube/bookinfo-versions.yaml']!)) {
      const service = out.get('Service', key.split('/')[1]!).spec;
      expect({ ...service, ports: service.ports.map(({ port, name }: any) => ({ port, name })) }).toEqual(spec);
    }
    // No VirtualService, no Istio Gateway, and no DestinationRule: Bookinfo's only set subsets.
    expect(out.values.filter((v) => v.apiVersion.startsWith('networking.istio.io/') && v.kind !== 'Sidecar')).toEqual(
      [],
    );
  });
});
