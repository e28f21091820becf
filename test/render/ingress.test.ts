import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../src/load/load.js';
import { documentsOf, find } from '../helpers/render.js';
import { system } from '../helpers/spec.js';

const image = 'ghcr.io/acme/app:1.0.0';

describe('ingress', () => {
  it('emits the Gateway when no gateway is named, and routes the ingress paths to the service port', async () => {
    const paths = [{ exact: '/productpage' }, { prefix: '/static' }];
    const docs = await documentsOf(
      system(
        { productpage: { image, port: 9080, ingress: { hosts: ['*'], paths } } },
        { metadata: { name: 'bookinfo' } },
      ),
    );
    expect(find(docs, 'Gateway', 'bookinfo-gateway').spec).toEqual({
      selector: { istio: 'ingressgateway' },
      servers: [{ port: { number: 8080, name: 'http', protocol: 'HTTP' }, hosts: ['*'] }],
    });
    expect(find(docs, 'VirtualService', 'wildcard').spec).toEqual({
      hosts: ['*'],
      gateways: ['bookinfo-gateway'],
      http: [
        {
          match: [{ uri: { exact: '/productpage' } }, { uri: { prefix: '/static' } }],
          route: [{ destination: { host: 'productpage', port: { number: 9080 } } }],
        },
      ],
    });
  });

  it('serves tls hosts over HTTPS with their credential, redirects their HTTP, and keeps plain hosts on HTTP', async () => {
    const docs = await documentsOf(
      system(
        {
          web: {
            image,
            ingress: { hosts: ['shop.example.com', 'www.example.com'], tls: { credentialName: 'shop-cert' } },
          },
          api: { image, ingress: { hosts: ['api.example.com'], tls: { credentialName: 'api-cert' } } },
          docs: { image, ingress: { hosts: ['docs.example.com'] } },
        },
        { mesh: { gatewaySelector: { istio: 'ingress' } } },
      ),
    );
    expect(find(docs, 'Gateway', 'demo-gateway').spec).toEqual({
      selector: { istio: 'ingress' },
      servers: [
        { port: { number: 8080, name: 'http', protocol: 'HTTP' }, hosts: ['docs.example.com'] },
        {
          port: { number: 8080, name: 'http-redirect', protocol: 'HTTP' },
          hosts: ['api.example.com', 'shop.example.com', 'www.example.com'],
          tls: { httpsRedirect: true },
        },
        {
          port: { number: 8443, name: 'https-1', protocol: 'HTTPS' },
          hosts: ['api.example.com'],
          tls: { mode: 'SIMPLE', credentialName: 'api-cert' },
        },
        {
          port: { number: 8443, name: 'https-2', protocol: 'HTTPS' },
          hosts: ['shop.example.com', 'www.example.com'],
          tls: { mode: 'SIMPLE', credentialName: 'shop-cert' },
        },
      ],
    });
  });

  it('emits no Gateway for a service bound to a gateway of its own, and narrows its routes to the ingress paths', async () => {
    const docs = await documentsOf(
      system({
        web: {
          image,
          versions: { v1: { weight: 100 }, v2: { weight: 0 } },
          routes: [{ match: { headers: { 'end-user': { exact: 'jason' } } }, to: 'v2' }],
          ingress: { hosts: ['shop.example.com'], gateway: 'istio-system/public', paths: [{ prefix: '/shop' }] },
        },
      }),
    );
    expect(docs.some((d) => d.value.kind === 'Gateway')).toBe(false);
    const vs = find(docs, 'VirtualService', 'shop.example.com');
    expect(vs.spec.gateways).toEqual(['istio-system/public']);
    expect(vs.spec.http.map((r: { match: unknown }) => r.match)).toEqual([
      [{ uri: { prefix: '/shop' }, headers: { 'end-user': { exact: 'jason' } } }],
      [{ uri: { prefix: '/shop' } }],
    ]);
  });

  it('compiles a host shared by several services into one VirtualService, most specific route first, each with its timeout and retries', async () => {
    const services = {
      web: { image, timeout: '5s', ingress: { hosts: ['example.com'] } },
      api: {
        image,
        retries: { attempts: 1 },
        ingress: { hosts: ['example.com'], paths: [{ prefix: '/api' }, { exact: '/health' }] },
      },
      admin: {
        image,
        ingress: { hosts: ['example.com'], paths: [{ prefix: '/api/admin' }, { regex: '/v[0-9]+/admin' }] },
      },
    };
    const docs = await documentsOf(system(services));
    const gatewayBound = docs.filter(
      (d) => d.value.kind === 'VirtualService' && (d.value.spec as { gateways?: unknown }).gateways,
    );
    expect(gatewayBound.map((d) => (d.value.metadata as { name: string }).name)).toEqual(['example.com']);
    const vs = find(docs, 'VirtualService', 'example.com');
    expect(vs.metadata.labels).toEqual({
      'app.kubernetes.io/part-of': 'demo',
      'app.kubernetes.io/managed-by': 'hamesh',
    });
    expect(vs.spec).toEqual({
      hosts: ['example.com'],
      gateways: ['demo-gateway'],
      http: [
        {
          match: [{ uri: { exact: '/health' } }],
          route: [{ destination: { host: 'api', port: { number: 8080 } } }],
          retries: { attempts: 1 },
        },
        {
          match: [{ uri: { prefix: '/api/admin' } }],
          route: [{ destination: { host: 'admin', port: { number: 8080 } } }],
        },
        {
          match: [{ uri: { prefix: '/api' } }],
          route: [{ destination: { host: 'api', port: { number: 8080 } } }],
          retries: { attempts: 1 },
        },
        {
          match: [{ uri: { regex: '/v[0-9]+/admin' } }],
          route: [{ destination: { host: 'admin', port: { number: 8080 } } }],
        },
        { route: [{ destination: { host: 'web', port: { number: 8080 } } }], timeout: '5s' },
      ],
    });
    // The same spec with its services in the opposite order gives the same objects.
    const reversed = Object.fromEntries(Object.entries(services).reverse());
    expect((await documentsOf(system(reversed))).map((d) => d.value)).toEqual(docs.map((d) => d.value));
  });

  it("builds examples/shared-host, the seed's example.com: one VirtualService with both prefix routes", async () => {
    const docs = await documentsOf((await loadSpec('examples/shared-host/system.yaml')).data as object);
    expect(find(docs, 'VirtualService', 'example.com').spec.http).toEqual([
      {
        match: [{ uri: { prefix: '/service1' } }],
        route: [{ destination: { host: 'service1', port: { number: 80 } } }],
      },
      {
        match: [{ uri: { prefix: '/service2' } }],
        route: [{ destination: { host: 'service2', port: { number: 80 } } }],
      },
    ]);
    expect(find(docs, 'Gateway', 'example-gateway').spec.servers).toEqual([
      { port: { number: 8080, name: 'http', protocol: 'HTTP' }, hosts: ['example.com'] },
    ]);
  });
});
