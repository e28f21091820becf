import { describe, expect, it } from 'vitest';
import { documentsOf, find } from '../helpers/render.js';
import { system } from '../helpers/spec.js';

const image = 'ghcr.io/acme/app:1.0.0';

describe('probes', () => {
  it('renders each probe form on its port, with timings and sorted headers, verified upstream', async () => {
    const docs = await documentsOf(
      system({
        web: {
          image,
          ports: { http: { port: 8080 }, admin: { port: 9090, expose: false }, grpc: { port: 9000, protocol: 'grpc' } },
          probes: {
            readiness: {
              http: '/ready',
              port: 'admin',
              headers: { 'X-Probe': 'ready', Cookie: 'session=probe' },
              initialDelay: '10s',
              period: '1m',
              timeout: '2s',
              failureThreshold: 6,
            },
            liveness: { grpc: true, port: 'grpc', service: 'liveness' },
            startup: { tcp: true, port: 9000, period: '5s' },
          },
          sidecars: [{ name: 'agent', image, probes: { liveness: { exec: ['cat', '/tmp/healthy'], period: '30s' } } }],
        },
        api: {
          image,
          protocol: 'grpc',
          port: 7000,
          probes: { readiness: 'grpc', liveness: { tcp: true, port: 8081 } },
        },
      }),
    );
    const [web, agent] = find(docs, 'Deployment', 'web').spec.template.spec.containers;
    expect(web.readinessProbe).toEqual({
      httpGet: {
        path: '/ready',
        port: 'http-admin',
        httpHeaders: [
          { name: 'Cookie', value: 'session=probe' },
          { name: 'X-Probe', value: 'ready' },
        ],
      },
      initialDelaySeconds: 10,
      periodSeconds: 60,
      timeoutSeconds: 2,
      failureThreshold: 6,
    });
    expect(web.livenessProbe).toEqual({ grpc: { port: 9000, service: 'liveness' } });
    expect(web.startupProbe).toEqual({ tcpSocket: { port: 'grpc' }, periodSeconds: 5 });
    expect(agent.livenessProbe).toEqual({ exec: { command: ['cat', '/tmp/healthy'] }, periodSeconds: 30 });
    const api = find(docs, 'Deployment', 'api').spec.template.spec.containers[0];
    // The short form on the main port; a number the container does not declare is probed as given.
    expect(api.readinessProbe).toEqual({ grpc: { port: 7000 } });
    expect(api.livenessProbe).toEqual({ tcpSocket: { port: 8081 } });
  });
});
