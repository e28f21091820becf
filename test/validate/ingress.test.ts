import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/pipeline.js';
import { validate } from '../../src/validate/validate.js';
import { system } from '../helpers/spec.js';
import { tempDir } from '../helpers/tmp.js';

const image = 'example/app:1';
const conflicts = (services: Record<string, object>) =>
  validate(system(services)).diagnostics.filter((d) => d.rule === 'ingress-conflict');

describe('ingress-conflict', () => {
  it('reports two catch-alls on one host at the later entry, the earlier as related location', () => {
    expect(
      conflicts({
        b: { image, ingress: { hosts: ['example.com'] } },
        a: { image, ingress: { hosts: ['www.example.com', 'example.com'] } },
      }),
    ).toEqual([
      {
        rule: 'ingress-conflict',
        severity: 'error',
        path: '/services/a/ingress/hosts/1',
        message:
          'claims every path of host "example.com", which \'b\' claims too, so one of them would never get a request: give one of them other `ingress.paths` or another host',
        related: [
          { path: '/services/b/ingress/hosts/0', message: '\'b\' claims every path of host "example.com" here' },
        ],
      },
    ]);
  });

  it('reports the same exact path and the same prefix; a prefix "/" is a catch-all', () => {
    const found = conflicts({
      a: {
        image,
        ingress: { hosts: ['example.com'], paths: [{ exact: '/login' }, { prefix: '/api' }, { prefix: '/' }] },
      },
      b: { image, ingress: { hosts: ['example.com'], paths: [{ prefix: '/api' }, { exact: '/login' }] } },
      c: { image, ingress: { hosts: ['example.com'] } },
    });
    expect(found.map((d) => [d.path, d.related?.[0]?.path])).toEqual([
      ['/services/b/ingress/paths/0', '/services/a/ingress/paths/1'],
      ['/services/b/ingress/paths/1', '/services/a/ingress/paths/0'],
      ['/services/c/ingress/hosts/0', '/services/a/ingress/paths/2'],
    ]);
    expect(found[1]!.message).toContain('claims the exact path "/login" of host "example.com"');
  });

  it('accepts different paths on one host, the same path on different hosts or gateways, and a regex next to a prefix', () => {
    expect(
      conflicts({
        a: { image, ingress: { hosts: ['example.com'], paths: [{ prefix: '/service1' }] } },
        b: { image, ingress: { hosts: ['example.com'], paths: [{ prefix: '/service2' }, { regex: '/service1.*' }] } },
        c: { image, ingress: { hosts: ['example.com'] } },
        d: { image, ingress: { hosts: ['other.example.com'] } },
        e: { image, ingress: { hosts: ['example.com'], gateway: 'istio-system/public' } },
      }),
    ).toEqual([]);
  });

  it('reports a host served with different TLS or Ingress classes', () => {
    const found = conflicts({
      a: { image, ingress: { hosts: ['example.com'], paths: [{ prefix: '/a' }], tls: { credentialName: 'cert' } } },
      b: { image, ingress: { hosts: ['example.com'], paths: [{ prefix: '/b' }], className: 'nginx' } },
    });
    expect(found.map((d) => [d.path, d.related?.[0]?.path])).toEqual([
      ['/services/b/ingress/hosts/0', '/services/a/ingress/tls'],
      ['/services/b/ingress/className', '/services/a/ingress/hosts/0'],
    ]);
    expect(found[0]!.message).toContain(
      "serves host \"example.com\" over plain HTTP, but 'a' serves it over HTTPS with the credential 'cert'",
    );
    expect(found[1]!.message).toContain('the Ingress class "nginx", but \'a\' gives it the default');
  });
});

describe('ingress-conflict located in YAML and TypeScript specs', () => {
  const { write } = tempDir();
  it('points at both catch-alls: the finding at the second, its related location at the first', async () => {
    const yamlFile = write(
      'system.yaml',
      [
        'apiVersion: hamesh.dev/v1',
        'kind: System',
        'metadata: {name: demo}',
        'services:',
        '  service1:',
        '    image: app:1',
        '    ingress:',
        '      hosts: [example.com]',
        '  service2:',
        '    image: app:1',
        '    ingress:',
        '      hosts:',
        '        - example.com',
        '',
      ].join('\n'),
    );
    const tsFile = write(
      'system.ts',
      [
        'export default {',
        "  apiVersion: 'hamesh.dev/v1', kind: 'System', metadata: { name: 'demo' },",
        '  services: {',
        "    service1: { image: 'app:1',",
        "      ingress: { hosts: ['example.com'] } },",
        "    service2: { image: 'app:1',",
        '      ingress: {',
        "        hosts: ['example.com'] } },",
        '  },',
        '};',
        '',
      ].join('\n'),
    );
    for (const [file, first, second] of [
      [yamlFile, 8, 13],
      [tsFile, 5, 8],
    ] as const) {
      const { diagnostics } = await analyze(file);
      expect(diagnostics.map((d) => [d.rule, d.line, d.related?.map((r) => r.line)])).toEqual([
        ['ingress-conflict', second, [first]],
      ]);
    }
  });
});
