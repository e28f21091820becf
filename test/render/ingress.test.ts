import { describe, expect, it } from 'vitest';
import { documentsOf, find } from '../helpers/render.js';
import { system } from '../helpers/spec.js';

const image = 'ghcr.io/acme/app:1.0.0';

describe('ingress', () => {
  it('emits the Gateway when no gateway is named, and routes the ingress paths to the service port', async () => {
    const paths = [{ exact: '/productpage' }, { prefix: '/static' }];
    const docs = await documentsOf(system({ productpage: { image, port: 9080, ingress: { hosts: ['*'], paths } } }, { metadata: { name: 'bookinfo' } }));
    expect(find(docs, 'Gateway', 'bookinfo-gateway').spec).toEqual({
      selector: { istio: 'ingressgateway' },
      servers: [{ port: { number: 8080, name: 'http', protocol: 'HTTP' }, hosts: ['*'] }],
    });
    expect(find(docs, 'VirtualService', 'productpage-ingress').spec).toEqual({
      hosts: ['*'],
      gateways: ['bookinfo-gateway'],
      http: [{ match: [{ uri: { exact: '/productpage' } }, { uri: { prefix: '/static' } }], route: [{ destination: { host: 'productpage', port: { number: 9080 } } }] }],
    });
  });

  it('serves tls hosts over HTTPS with their credential, redirects their HTTP, and keeps plain hosts on HTTP', async () => {
    const docs = await documentsOf(
      system(
        {
          web: { image, ingress: { hosts: ['shop.example.com', 'www.example.com'], tls: { credentialName: 'shop-cert' } } },
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
        { port: { number: 8080, name: 'http-redirect', protocol: 'HTTP' }, hosts: ['api.example.com', 'shop.example.com', 'www.example.com'], tls: { httpsRedirect: true } },
        { port: { number: 8443, name: 'https-1', protocol: 'HTTPS' }, hosts: ['api.example.com'], tls: { mode: 'SIMPLE', credentialName: 'api-cert' } },
        { port: { number: 8443, name: 'https-2', protocol: 'HTTPS' }, hosts: ['shop.example.com', 'www.example.com'], tls: { mode: 'SIMPLE', credentialName: 'shop-cert' } },
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
    const vs = find(docs, 'VirtualService', 'web-ingress');
    expect(vs.spec.gateways).toEqual(['istio-system/public']);
    expect(vs.spec.http.map((r: { match: unknown }) => r.match)).toEqual([
      [{ uri: { prefix: '/shop' }, headers: { 'end-user': { exact: 'jason' } } }],
      [{ uri: { prefix: '/shop' } }],
    ]);
  });
});
