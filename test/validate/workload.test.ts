import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/pipeline.js';
import { validate } from '../../src/validate/validate.js';
import { tempDir } from '../helpers/tmp.js';

const base = { apiVersion: 'hamesh.dev/v1', kind: 'System', metadata: { name: 'demo' } };
const findings = (spec: Record<string, unknown>) =>
  validate({ ...base, ...spec }).diagnostics.map(({ rule, severity, path, message }) => ({
    rule,
    severity,
    path,
    message,
  }));
const image = 'app:1';

describe('env references and pod fields', () => {
  it('accepts every reference that fits the graph, a reference to the service itself included', () => {
    expect(
      findings({
        services: {
          web: {
            image,
            calls: ['cart'],
            publishes: ['order.created'],
            subscribes: { 'cart.emptied': {} },
            env: {
              CART: { address: 'cart', port: 'grpc' },
              CART_HOST: { host: 'cart' },
              CART_PORT: { port: 'cart', name: 'grpc' },
              SELF: { address: 'web', scheme: 'http', path: '/health' },
              TOPIC: { topic: 'order.created' },
              IN: { topic: 'cart.emptied' },
              GROUP: { group: 'cart.emptied' },
              BROKER: { broker: 'bootstrap' },
              URL: 'http://$(CART_HOST):$(CART_PORT)',
            },
          },
          cart: { image, protocol: 'grpc' },
        },
        events: { 'order.created': {}, 'cart.emptied': {} },
      }),
    ).toEqual([]);
  });

  it('reports a reference to a service that is not called, an unknown service, port or event, and topics and groups of other services', () => {
    const found = findings({
      services: {
        web: {
          image,
          calls: ['cart'],
          env: {
            PAY: { address: 'payments' },
            NOPE: { host: 'paymnts' },
            PORT: { port: 'cart', name: 'grpc' },
            PEERS: { headless: 'cart' },
            PATH_ONLY: { address: 'cart', path: '/x' },
            TOPIC: { topic: 'order.created' },
            GROUP: { group: 'order.created' },
            GHOST: { topic: 'order.craeted' },
          },
        },
        cart: { image },
        payments: { image },
      },
      events: { 'order.created': {} },
    });
    expect(found.sort((a, b) => a.path.localeCompare(b.path))).toEqual([
      {
        rule: 'unknown-reference',
        severity: 'error',
        path: '/services/web/env/GHOST/topic',
        message: "refers to event 'order.craeted', which is not declared (did you mean 'order.created'?)",
      },
      {
        rule: 'env-reference',
        severity: 'error',
        path: '/services/web/env/GROUP/group',
        message: "names web's consumer group for 'order.created', but 'web' does not subscribe to it",
      },
      {
        rule: 'unknown-reference',
        severity: 'error',
        path: '/services/web/env/NOPE/host',
        message: "refers to service 'paymnts', which is not declared (did you mean 'payments'?)",
      },
      {
        rule: 'env-reference',
        severity: 'error',
        path: '/services/web/env/PATH_ONLY/path',
        message: 'needs a scheme (http, https or grpc): a path only makes sense in a URL',
      },
      {
        rule: 'env-reference',
        severity: 'error',
        path: '/services/web/env/PAY/address',
        message: expect.stringContaining(
          "reads the address of 'payments', but 'web' does not call it: add 'payments' to calls",
        ),
      },
      {
        rule: 'env-reference',
        severity: 'error',
        path: '/services/web/env/PEERS/headless',
        message: "'cart' is not a StatefulSet (workload: statefulset), so it has no headless Service",
      },
      {
        rule: 'unknown-reference',
        severity: 'error',
        path: '/services/web/env/PORT/name',
        message: "'cart' has no port 'grpc'; its ports: http",
      },
      {
        rule: 'env-reference',
        severity: 'error',
        path: '/services/web/env/TOPIC/topic',
        message: "names the topic of 'order.created', which 'web' neither publishes nor subscribes to",
      },
    ]);
  });

  it('checks references inherited from a profile or defaults against each service, reported at the service', () => {
    const found = findings({
      defaults: { env: { CART: { address: 'cart' } } },
      services: { web: { image, calls: ['cart'] }, cart: { image }, worker: { image } },
    });
    expect(found).toEqual([
      {
        rule: 'env-reference',
        severity: 'error',
        path: '/services/worker',
        message:
          "reads the address of 'cart' (env CART, from /defaults), but 'worker' does not call it: add 'cart' to calls (the AuthorizationPolicy of 'cart' admits only its callers)",
      },
    ]);
  });

  it('reports a $(VAR) cycle, reserved pod labels, root with runAsNonRoot, and warns where Pod Security "restricted" would refuse the pods', () => {
    const found = findings({
      defaults: { labels: { app: 'x' } },
      services: {
        web: {
          image,
          env: { A: '$(B)', B: '$(A)', C: '$$(A) is escaped' },
          labels: { version: 'v1', team: 'shop' },
          security: { runAsUser: 0, capabilities: { add: ['NET_BIND_SERVICE', 'SYS_ADMIN'] } },
        },
        root: { image, security: { runAsNonRoot: false } },
      },
    });
    expect(found.map((f) => [f.rule, f.severity, f.path])).toEqual([
      ['env-cycle', 'error', '/services/web/env/A'],
      ['env-cycle', 'error', '/services/web/env/B'],
      ['reserved-label', 'error', '/services/web/labels/version'],
      ['invalid-value', 'error', '/services/web/security/runAsUser'],
      ['reserved-label', 'error', '/defaults/labels/app'],
    ]);
  });

  it('rejects a downward-API path Kubernetes does not allow in env, and tier in defaults is now accepted', () => {
    expect(
      findings({
        defaults: { tier: 'critical' },
        services: { web: { image, env: { X: { field: 'metadata.labels' } } } },
      }),
    ).toEqual([expect.objectContaining({ rule: 'schema', path: '/services/web/env/X/field' })]);
  });
});

describe('located in YAML and TypeScript specs', () => {
  const { write } = tempDir();
  it('points an env reference finding at its line in YAML and in a TypeScript module', async () => {
    const yamlFile = write(
      'system.yaml',
      [
        'apiVersion: hamesh.dev/v1',
        'kind: System',
        'metadata: {name: demo}',
        'services:',
        '  web:',
        '    image: web:1',
        '    env:',
        '      CART: {address: cart}',
        '  cart: {image: cart:1}',
        '',
      ].join('\n'),
    );
    const tsFile = write(
      'system.ts',
      [
        'export default {',
        "  apiVersion: 'hamesh.dev/v1', kind: 'System', metadata: { name: 'demo' },",
        '  services: {',
        "    web: { image: 'web:1',",
        "      env: { CART: { address: 'cart' } } },",
        "    cart: { image: 'cart:1' },",
        '  },',
        '};',
        '',
      ].join('\n'),
    );
    for (const [file, line] of [
      [yamlFile, 8],
      [tsFile, 5],
    ] as const) {
      const { diagnostics } = await analyze(file);
      expect(diagnostics.map((d) => [d.rule, d.line])).toEqual([['env-reference', line]]);
    }
  });
});
