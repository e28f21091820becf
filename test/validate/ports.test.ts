import { describe, expect, it } from 'vitest';
import { validate } from '../../src/validate/validate.js';

const image = 'ghcr.io/acme/app:1.0.0';

describe('port checks at validate time', () => {
  const findings = (services: Record<string, unknown>) =>
    validate({ apiVersion: 'hamesh.dev/v1', kind: 'System', metadata: { name: 'demo' }, services })
      .diagnostics.map((d) => [d.rule, d.severity, d.path])
      .sort((a, b) => (a.join() < b.join() ? -1 : 1));

  it('rejects names that break Kubernetes or Istio once the protocol is in front, and clashing ports', () => {
    expect(
      findings({
        a: {
          image,
          port: 80,
          ports: {
            'grpc-longname': { port: 1 },
            web: { port: 8080, protocol: 'grpc' },
            'grpc-web': { port: 8081, protocol: 'grpc' },
            b: { port: 8080, protocol: 'udp', servicePort: 8081 },
            c: { port: 8080 },
          },
        },
        b: {
          image,
          ports: { Metrics: { port: 1 }, 'x--y': { port: 2 }, '9090': { port: 3 }, sixteencharslong: { port: 4 } },
        },
      }),
    ).toEqual([
      ['conflicting-fields', 'error', '/services/a/port'],
      ['duplicate-port', 'error', '/services/a/ports/c'],
      ['duplicate-port', 'error', '/services/a/ports/grpc-web'],
      // 'grpc-longname' is an http port: written as 'http-grpc-longname'.
      ['port-name', 'error', '/services/a/ports/grpc-longname'],
      ['schema', 'error', '/services/b/ports/9090'],
      ['schema', 'error', '/services/b/ports/Metrics'],
      ['schema', 'error', '/services/b/ports/sixteencharslong'],
      ['schema', 'error', '/services/b/ports/x--y'],
    ]);
  });

  it('accepts the same number over TCP and UDP, and a name that already starts with its protocol', () => {
    expect(
      findings({
        dns: { image, ports: { 'udp-dns': { port: 53, protocol: 'udp' }, tcp: { port: 53, protocol: 'tcp' } } },
      }),
    ).toEqual([]);
  });

  it('refuses what needs a port on a worker and warns about mesh settings nothing reaches', () => {
    expect(
      findings({
        jobs: {
          image,
          ports: {},
          probes: { readiness: '/ready' },
          ingress: { hosts: ['jobs.example.com'] },
          circuitBreaker: { consecutiveErrors: 1, interval: '1s', baseEjectionTime: '1s', maxEjectionPercent: 10 },
        },
        web: { image, calls: [{ service: 'jobs' }] },
        quiet: { image, ports: { admin: { port: 9000, expose: false } } },
        caller: { image, calls: ['quiet'] },
      }),
    ).toEqual([
      ['invalid-value', 'error', '/services/jobs/ingress'],
      ['invalid-value', 'error', '/services/jobs/probes/readiness'],
      ['unreachable-call', 'error', '/services/caller/calls/0'],
      ['unreachable-call', 'error', '/services/web/calls/0/service'],
    ]);
  });
});
