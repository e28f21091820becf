import { describe, expect, it } from 'vitest';
import { validate } from '../../src/validate/validate.js';

const image = 'ghcr.io/acme/app:1.0.0';
const findings = (services: Record<string, unknown>, extra: object = {}) =>
  validate({ apiVersion: 'hamesh.dev/v1', kind: 'System', metadata: { name: 'demo' }, services, ...extra })
    .diagnostics.map((d) => [d.rule, d.path, d.message])
    .sort((a, b) => (a.join() < b.join() ? -1 : 1));

const redis = { port: 6379, protocol: 'tcp' };

describe('probes at validate time', () => {
  it('accepts every probe that fits its port: paths on http, grpc on grpc or http, tcp anywhere, exec without a port', () => {
    expect(
      findings({
        web: {
          image,
          ports: { http: { port: 8080 }, admin: { port: 9090, expose: false }, redis },
          probes: {
            readiness: {
              http: '/ready',
              port: 'admin',
              headers: { Cookie: 'probe=1' },
              initialDelay: '10s',
              period: '5s',
              timeout: '2s',
              failureThreshold: 6,
            },
            liveness: { tcp: true, port: 'redis' },
            startup: { grpc: true, port: 8080, service: 'web' },
          },
          sidecars: [{ name: 'agent', image, probes: { liveness: { exec: ['cat', '/tmp/healthy'] } } }],
        },
        api: {
          image,
          protocol: 'grpc',
          port: 9000,
          probes: { readiness: 'grpc', liveness: { tcp: true, port: 'grpc' }, startup: { http: '/x', port: 9999 } },
        },
      }),
    ).toEqual([]);
  });

  it('reports a probe that does not fit its port, located at its handler (HTTP on tcp or grpc, grpc on tcp, anything on udp)', () => {
    expect(
      findings({
        cache: { image, ports: { redis }, probes: { readiness: '/', liveness: { grpc: true } } },
        api: {
          image,
          ports: { grpc: { port: 9000, protocol: 'grpc' } },
          probes: { readiness: { http: '/healthz', period: '5s' } },
        },
        dns: { image, ports: { dns: { port: 53, protocol: 'udp' } }, probes: { readiness: { tcp: true } } },
      }),
    ).toEqual([
      [
        'probe-protocol',
        '/services/api/probes/readiness/http',
        "is an HTTP GET on port 'grpc' (9000, grpc) of 'api', which cannot answer it: probe a grpc port with `grpc` (a gRPC health check) or `{ tcp: true }`",
      ],
      [
        'probe-protocol',
        '/services/cache/probes/liveness/grpc',
        "is a gRPC health check on port 'redis' (6379, tcp) of 'cache', which cannot answer it: probe a tcp port with `{ tcp: true }` (a connection check) or an `exec` command",
      ],
      [
        'probe-protocol',
        '/services/cache/probes/readiness',
        "is an HTTP GET on port 'redis' (6379, tcp) of 'cache', which cannot answer it: probe a tcp port with `{ tcp: true }` (a connection check) or an `exec` command",
      ],
      [
        'probe-protocol',
        '/services/dns/probes/readiness/tcp',
        "is a TCP connection check on port 'dns' (53, udp) of 'dns', which cannot answer it: Kubernetes cannot probe a UDP port: use an `exec` command",
      ],
    ]);
  });

  it('locates a probe inherited from `defaults` at `defaults`, naming the service it does not fit', () => {
    expect(
      findings(
        { web: { image }, cache: { image, ports: { redis } } },
        { defaults: { probes: { readiness: '/healthz' } } },
      ),
    ).toEqual([
      [
        'probe-protocol',
        '/defaults/probes/readiness',
        "is an HTTP GET on port 'redis' (6379, tcp) of 'cache', which cannot answer it: probe a tcp port with `{ tcp: true }` (a connection check) or an `exec` command",
      ],
    ]);
  });

  it('reports unknown port names, probes without a port, partial seconds, too short periods and two handlers in one probe', () => {
    expect(
      findings({
        web: {
          image,
          ports: { http: { port: 8080 } },
          probes: {
            readiness: { http: '/', port: 'htp', timeout: '500ms' },
            liveness: { http: '/', period: '0s', initialDelay: '1.5s' },
          },
        },
        worker: {
          image,
          ports: {},
          probes: { readiness: '/ready', liveness: { exec: ['true'] } },
          sidecars: [{ name: 'log', image, probes: { readiness: { tcp: true } } }],
        },
        both: { image, probes: { readiness: { http: '/', tcp: true } } },
      }),
    ).toEqual([
      [
        'conflicting-fields',
        '/services/both/probes/readiness',
        'a probe takes exactly one of http, grpc, tcp, exec; this one has http and tcp',
      ],
      [
        'invalid-value',
        '/services/web/probes/liveness/initialDelay',
        'must be whole seconds (Kubernetes counts probe timings in seconds), e.g. 2s',
      ],
      ['invalid-value', '/services/web/probes/liveness/period', 'must be at least 1s'],
      [
        'invalid-value',
        '/services/web/probes/readiness/timeout',
        'must be whole seconds (Kubernetes counts probe timings in seconds), e.g. 1s',
      ],
      [
        'invalid-value',
        '/services/worker/probes/readiness',
        "has no port to probe: 'worker' has no `ports`; give the probe a `port`, or use an `exec` command",
      ],
      [
        'invalid-value',
        '/services/worker/sidecars/0/probes/readiness',
        "has no port to probe: the sidecar 'log' of 'worker' has no `ports`; give the probe a `port`, or use an `exec` command",
      ],
      [
        'unknown-reference',
        '/services/web/probes/readiness/port',
        "refers to port 'htp', which 'web' does not declare (did you mean 'http'?) (its ports: http)",
      ],
    ]);
  });

  it('explains the other probe mistakes by the kind of probe written, not with every kind the schema allows', () => {
    const readiness = (probe: unknown) => findings({ web: { image, probes: { readiness: probe } } });
    expect(readiness({ port: 'http', period: '5s' })).toEqual([
      [
        'schema',
        '/services/web/probes/readiness',
        'a probe takes exactly one of http, grpc, tcp, exec; this one has none',
      ],
    ]);
    expect(readiness({ http: '/', grpc: true, exec: ['true'] })).toEqual([
      [
        'conflicting-fields',
        '/services/web/probes/readiness',
        'a probe takes exactly one of http, grpc, tcp, exec; this one has http, grpc and exec',
      ],
    ]);
    expect(readiness({ http: '/', perod: '5s' })).toEqual([
      [
        'unknown-key',
        '/services/web/probes/readiness/perod',
        "'perod' is not a known key (did you mean 'period'?); allowed: http, headers, port, initialDelay, period, timeout, failureThreshold",
      ],
    ]);
    expect(readiness({ exec: ['true'], port: 'http' })).toEqual([
      [
        'unknown-key',
        '/services/web/probes/readiness/port',
        "'port' is not a known key; allowed: exec, initialDelay, period, timeout, failureThreshold",
      ],
    ]);
    expect(readiness({ http: 'healthz' })).toEqual([
      [
        'schema',
        '/services/web/probes/readiness/http',
        "must be the path of an HTTP GET, starting with '/' (any status from 200 to 399 is a success)",
      ],
    ]);
    expect(readiness({ tcp: false })).toEqual([['schema', '/services/web/probes/readiness/tcp', 'must be true']]);
    expect(readiness({ grpc: true, failureThreshold: 0 })).toEqual([
      ['schema', '/services/web/probes/readiness/failureThreshold', 'must be an integer >= 1'],
    ]);
  });
});
