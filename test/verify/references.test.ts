import { describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline.js';
import type { RenderedDocument, RenderedValue } from '../../src/render/target.js';
import { verifyReferences } from '../../src/verify/references.js';
import { target } from '../helpers/render.js';
import { resolveSpec } from '../helpers/spec.js';
import { tempDir } from '../helpers/tmp.js';

const image = 'example/app:1';
const manifest = (value: RenderedValue): RenderedDocument => ({
  target: 'test',
  kind: 'manifest',
  file: 'x.yaml',
  template: 'test',
  source: '',
  value,
});
const istio = (kind: string, name: string, spec: object) =>
  manifest({ apiVersion: 'networking.istio.io/v1', kind, metadata: { name, namespace: 'demo' }, spec });
const messages = (documents: RenderedDocument[]) =>
  verifyReferences(
    documents,
    resolveSpec({
      services: {
        web: { image },
        api: { image, ingress: { hosts: ['api.example.com'], gateway: 'istio-system/public' } },
      },
    }).system,
  ).map((d) => d.message);

describe('cross-object references (what istioctl analyze checks)', () => {
  it('accepts gateways in the output or named by the spec, hosts of the spec, the output or a ServiceEntry, and declared subsets', () => {
    const documents = [
      istio('Gateway', 'public-gw', { selector: {}, servers: [] }),
      istio('ServiceEntry', 'payments', { hosts: ['api.stripe.com'] }),
      manifest({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'legacy', namespace: 'other' }, spec: {} }),
      istio('DestinationRule', 'web', { host: 'web', subsets: [{ name: 'v1' }, { name: 'v2' }] }),
      istio('VirtualService', 'web', {
        hosts: ['web'],
        http: [
          {
            route: [{ destination: { host: 'web.demo.svc.cluster.local', subset: 'v2' } }],
            mirror: { host: 'web', subset: 'v1' },
          },
        ],
      }),
      istio('VirtualService', 'edge', {
        hosts: ['shop.example.com'],
        gateways: ['public-gw', 'istio-system/public', 'mesh'],
        http: [{ route: [{ destination: { host: 'api.stripe.com' } }, { destination: { host: 'legacy.other.svc' } }] }],
      }),
    ];
    expect(messages(documents)).toEqual([]);
  });

  it('reports a missing gateway, an unknown host and an undeclared subset, each naming the field', () => {
    const documents = [
      istio('DestinationRule', 'web', { host: 'web', subsets: [{ name: 'v1' }] }),
      istio('DestinationRule', 'gone', { host: 'gone' }),
      istio('VirtualService', 'web', {
        hosts: ['web', 'nowhere'],
        gateways: ['mesh', 'public'],
        http: [
          { route: [{ destination: { host: 'web', subset: 'v2' } }, { destination: { host: 'api', subset: 'v1' } }] },
        ],
        tcp: [{ route: [{ destination: { host: 'cache' } }] }],
      }),
    ];
    expect(messages(documents)).toEqual([
      'DestinationRule demo/gone (from test): spec.host is "gone", which is neither a Service of the spec or the output nor a ServiceEntry host',
      'VirtualService demo/web (from test): spec.gateways.1 is "public", a Gateway that is neither in the output nor named by a service\'s ingress.gateway',
      'VirtualService demo/web (from test): spec.http.0.route.0.destination.subset is "v2", which no DestinationRule of "web" in the output declares (it declares v1)',
      'VirtualService demo/web (from test): spec.http.0.route.1.destination.subset is "v1", which no DestinationRule of "api" in the output declares',
      'VirtualService demo/web (from test): spec.tcp.0.route.0.destination.host is "cache", which is neither a Service of the spec or the output nor a ServiceEntry host',
    ]);
  });

  it('stops a build whose patch names a subset no DestinationRule declares, located in the patch (YAML line)', async () => {
    const file = tempDir().write(
      'system.yaml',
      [
        'apiVersion: hamesh.dev/v1',
        'kind: System',
        'metadata: {name: demo}',
        'services:',
        '  web:',
        '    image: app:1',
        '    versions: {v1: {weight: 100}}',
        '    patches:',
        '      VirtualService:',
        '        spec:',
        '          http: [{route: [{destination: {host: web, subset: v9}}]}]',
        '',
      ].join('\n'),
    );
    const { diagnostics, documents } = await build(file, { verify: true, lint: 'off', targets: [target('istio')] });
    expect(documents).toBeUndefined();
    expect(diagnostics.filter((d) => d.rule === 'reference').map((d) => [d.path, d.line])).toEqual([
      ['/services/web/patches/VirtualService/spec/http', 11],
    ]);
  });
});

describe('cross-object references of Gateway API objects', () => {
  const gatewayApi = (kind: string, name: string, spec: object) =>
    manifest({ apiVersion: 'gateway.networking.k8s.io/v1', kind, metadata: { name, namespace: 'demo' }, spec });
  const service = (name: string) =>
    manifest({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'demo' }, spec: {} });
  const gateway = gatewayApi('Gateway', 'edge', {
    gatewayClassName: 'istio',
    listeners: [
      { name: 'http', port: 80, protocol: 'HTTP' },
      { name: 'http', port: 8080, protocol: 'HTTP' },
      { name: 'other', port: 80, protocol: 'HTTP' },
    ],
  });

  it('accepts parents and backends that exist: Services of the spec or the output, Gateways and their listeners', () => {
    const route = gatewayApi('HTTPRoute', 'web', {
      parentRefs: [
        { group: '', kind: 'Service', name: 'web', port: 8080 },
        { name: 'edge', sectionName: 'other' },
        { name: 'public', namespace: 'istio-system' },
      ],
      rules: [
        {
          backendRefs: [
            { name: 'web-v1', port: 8080 },
            { name: 'web', port: 8080 },
          ],
          filters: [{ type: 'RequestMirror', requestMirror: { backendRef: { name: 'web-v1', port: 8080 } } }],
        },
      ],
    });
    expect(messages([gateway, service('web-v1'), route]).filter((m) => m.startsWith('HTTPRoute'))).toEqual([]);
  });

  it('names a missing parent Service, Gateway or listener, and a missing backend or mirror Service', () => {
    const route = gatewayApi('HTTPRoute', 'web', {
      parentRefs: [
        { group: '', kind: 'Service', name: 'nope', port: 8080 },
        { name: 'edge', sectionName: 'https' },
        { name: 'elsewhere' },
      ],
      rules: [
        {
          backendRefs: [{ name: 'web-v9', port: 8080 }],
          filters: [{ type: 'RequestMirror', requestMirror: { backendRef: { name: 'gone', port: 8080 } } }],
        },
      ],
    });
    expect(messages([gateway, route])).toEqual([
      'Gateway demo/edge (from test): spec.listeners.1.name is "http", the name of an earlier listener',
      'Gateway demo/edge (from test): spec.listeners.2 has the port, protocol and hostname of an earlier listener',
      'HTTPRoute demo/web (from test): spec.parentRefs.0.name is "nope", a parent Service that is not a Service of the spec or the output',
      'HTTPRoute demo/web (from test): spec.parentRefs.1.sectionName is "https", which is not a listener of the Gateway demo/edge (it has http, other)',
      'HTTPRoute demo/web (from test): spec.parentRefs.2.name is "elsewhere", a Gateway that is neither in the output nor named by a service\'s ingress.gateway',
      'HTTPRoute demo/web (from test): spec.rules.0.backendRefs.0.name is "web-v9", a backend that is not a Service of the spec or the output',
      'HTTPRoute demo/web (from test): spec.rules.0.filters.0.requestMirror.backendRef.name is "gone", a mirror backend that is not a Service of the spec or the output',
    ]);
  });
});
