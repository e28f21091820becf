import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/pipeline.js';
import { TemplateEngine } from '../../src/render/engine.js';
import type { RenderedValue } from '../../src/render/target.js';
import type { Verifier } from '../../src/verify/verifier.js';
import { verifiers } from '../../src/verify/verifiers.js';
import { target } from '../helpers/render.js';
import { specFile, system } from '../helpers/spec.js';

const image = 'example/app:1';
const load = (kind: string): Promise<Verifier> =>
  verifiers.find((e) => e.apiVersion === 'gateway.networking.k8s.io/v1' && e.kind === kind)!.load();

/** The HTTPRoutes and Gateway the gateway-api target emits for a service with versions behind a TLS ingress host. */
async function emitted(): Promise<Record<string, any>[]> {
  const spec = system({
    web: {
      image,
      versions: { v1: { weight: 80 }, v2: { weight: 20 } },
      routes: [{ match: { headers: { 'end-user': { exact: 'jason' } } }, to: 'v2', timeout: '2s' }],
      ingress: { hosts: ['shop.example.com'], tls: { credentialName: 'shop-cert' } },
    },
  });
  const { resolved } = await analyze(specFile(spec));
  return target('gateway-api')
    .render(resolved!, { engine: new TemplateEngine() })
    .map((d) => d.value as Record<string, any>);
}

const unknown = (problems: Array<{ pointer: string; message: string }>) =>
  problems.filter((p) => p.message.includes('unknown field')).map((p) => p.pointer);

describe('strict verification of Gateway API objects (standard channel v1.6.1, closed)', () => {
  it('accepts what the target emits', async () => {
    const [route, gateway] = [await load('HTTPRoute'), await load('Gateway')];
    const values = await emitted();
    expect(values.filter((v) => v.kind === 'HTTPRoute')).toHaveLength(3);
    for (const value of values) {
      const verifier = value.kind === 'Gateway' ? gateway : value.kind === 'HTTPRoute' ? route : undefined;
      if (verifier) expect(verifier(value as RenderedValue), `${value.kind} ${value.metadata.name}`).toEqual([]);
    }
  });

  it("rejects an unknown field in an HTTPRoute, an experimental one (a rule's `retry`) included", async () => {
    const verifier = await load('HTTPRoute');
    const route = structuredClone((await emitted()).find((v) => v.metadata.name === 'web')!);
    route.spec.rules[0].retry = { attempts: 2 };
    route.spec.rules[0].matches[0].headerz = [];
    route.spec.parentRefs[0].weight = 1;
    expect(unknown(verifier(route as RenderedValue)).sort()).toEqual([
      '/spec/parentRefs/0/weight',
      '/spec/rules/0/matches/0/headerz',
      '/spec/rules/0/retry',
    ]);
  });

  it('rejects an unknown field in a Gateway listener and in its TLS settings', async () => {
    const verifier = await load('Gateway');
    const gateway = structuredClone((await emitted()).find((v) => v.kind === 'Gateway')!);
    gateway.spec.listeners[1].tls.certificateRefz = [];
    gateway.spec.listeners[0].hostnamez = 'x';
    expect(unknown(verifier(gateway as RenderedValue)).sort()).toEqual([
      '/spec/listeners/0/hostnamez',
      '/spec/listeners/1/tls/certificateRefz',
    ]);
  });

  it("holds the CRD's CEL rules it encodes: a Service backend names its port, a filter carries its type's field, HTTPS has TLS", async () => {
    const route = await load('HTTPRoute');
    const value = structuredClone((await emitted()).find((v) => v.metadata.name === 'web')!);
    delete value.spec.rules[0].backendRefs[0].port;
    value.spec.rules[1].filters = [{ type: 'RequestMirror', requestRedirect: { scheme: 'https' } }];
    const problems = route(value as RenderedValue);
    expect(problems).toContainEqual({
      pointer: '/spec/rules/0/backendRefs/0',
      message: "must have required property 'port'",
    });
    expect(problems.map((p) => p.pointer)).toContain('/spec/rules/1/filters/0');
    const gateway = await load('Gateway');
    const listener = { name: 'https', port: 443, protocol: 'HTTPS' };
    const bare = {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'Gateway',
      metadata: { name: 'g' },
      spec: { gatewayClassName: 'istio', listeners: [listener] },
    };
    expect(gateway(bare)).toContainEqual({
      pointer: '/spec/listeners/0',
      message: "must have required property 'tls'",
    });
  });
});
