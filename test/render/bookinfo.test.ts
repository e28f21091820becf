import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadSpec } from '../../src/load/load.js';
import type { RenderedDocument } from '../../src/render/target.js';
import { documentsOf, find } from '../helpers/render.js';

/** Upstream expectations: Istio's samples/bookinfo/networking files (Apache-2.0; see the fixture's header). */
const upstream = parse(readFileSync(new URL('../fixtures/bookinfo/upstream.yaml', import.meta.url), 'utf8')) as Record<
  string,
  Record<string, any>
>;

type Spec = { services: Record<string, any> };
const example = async (): Promise<Spec> =>
  structuredClone((await loadSpec('examples/bookinfo/system.ts')).data) as Spec;

/**
 * A VirtualService's routing as Istio applies it, without what carries no routing meaning: route names (stats
 * labels), destinations of weight 0 (they get no traffic), the weight of a sole destination (it gets all), and a
 * subset that is the only one its DestinationRule declares (it is all of the host).
 */
function routing(vs: Record<string, any>, documents: readonly RenderedDocument[]): object {
  const subsets = (host: string) =>
    documents.find((d) => d.value.kind === 'DestinationRule' && (d.value.spec as any).host === host)?.value.spec as any;
  const http = (vs.http as any[]).map(({ name: _name, route, ...rest }) => {
    const live = (route as any[]).filter((r) => r.weight !== 0);
    return {
      ...rest,
      route: live.map(({ destination, weight }) => {
        const { subset, ...to } = destination;
        const sole = subsets(destination.host)?.subsets?.length === 1;
        return {
          destination: subset === undefined || sole ? to : { ...to, subset },
          ...(live.length > 1 && { weight }),
        };
      }),
    };
  });
  return { ...vs, http };
}

describe("Istio's Bookinfo tasks, from examples/bookinfo", () => {
  it('emits the ingress Gateway and the gateway VirtualService with its URI matches (bookinfo-gateway.yaml)', async () => {
    const docs = await documentsOf(await example());
    const expected = upstream['bookinfo-gateway.yaml']!;
    expect(find(docs, 'Gateway', 'bookinfo-gateway').spec).toEqual(expected['Gateway/bookinfo-gateway']);
    expect(routing(find(docs, 'VirtualService', 'wildcard').spec, docs)).toEqual(expected['VirtualService/bookinfo']);
  });

  it('declares every subset of destination-rule-all.yaml', async () => {
    const docs = await documentsOf(await example());
    for (const [key, spec] of Object.entries(upstream['destination-rule-all.yaml']!)) {
      expect(find(docs, 'DestinationRule', key.split('/')[1]!).spec).toEqual(spec);
    }
  });

  it('shifts reviews 80/20 (virtual-service-reviews-80-20.yaml) after the jason route', async () => {
    const docs = await documentsOf(await example());
    const reviews = routing(find(docs, 'VirtualService', 'reviews').spec, docs) as { http: object[] };
    const expected = upstream['virtual-service-reviews-80-20.yaml']!['VirtualService/reviews'];
    expect({ ...reviews, http: reviews.http.slice(1) }).toEqual(expected);
  });

  it('routes end-user jason to reviews v2, everyone else to v1 (virtual-service-reviews-test-v2.yaml)', async () => {
    const spec = await example();
    spec.services.reviews.versions = { v1: { weight: 100 }, v2: { weight: 0 }, v3: { weight: 0 } };
    const docs = await documentsOf(spec);
    expect(routing(find(docs, 'VirtualService', 'reviews').spec, docs)).toEqual(
      upstream['virtual-service-reviews-test-v2.yaml']!['VirtualService/reviews'],
    );
  });

  it.each([
    ['virtual-service-ratings-test-delay.yaml', undefined],
    ['virtual-service-ratings-test-abort.yaml', { abort: { status: 500 } }],
  ])('injects the ratings fault for jason (%s)', async (file, fault) => {
    const spec = await example();
    if (fault) spec.services.ratings.routes[0].fault = fault;
    const docs = await documentsOf(spec);
    expect(routing(find(docs, 'VirtualService', 'ratings').spec, docs)).toEqual(
      upstream[file]!['VirtualService/ratings'],
    );
  });
});
