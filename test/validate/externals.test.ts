import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/pipeline.js';
import { specFile, system } from '../helpers/spec.js';

const image = 'example/app:1';
const https = { https: { port: 443, protocol: 'https' } };
const http = { http: { port: 80, protocol: 'http' } };
const findings = async (externals: object, services: object = { web: { image } }) =>
  (await analyze(specFile(system(services as Record<string, object>, { externals })))).diagnostics.map((d) => [
    d.rule,
    d.severity,
    d.path,
    d.message,
  ]);

describe('externals: checks the schema cannot express', () => {
  it('accepts a call to an external, which needs no port of a service', async () => {
    expect(
      await findings({ stripe: { hosts: ['api.stripe.com'], ports: https } }, { web: { image, calls: ['stripe'] } }),
    ).toEqual([]);
  });

  it('needs endpoints for static resolution and refuses them with none', async () => {
    expect(
      await findings({
        db: { hosts: ['db.example'], ports: { pg: { port: 5432, protocol: 'tcp' } }, resolution: 'static' },
      }),
    ).toEqual([
      ['invalid-value', 'error', '/externals/db/resolution', 'static needs `endpoints`: the addresses to send to'],
    ]);
    const wildcard = await findings({ apis: { hosts: ['*.example.com'], ports: https, endpoints: ['10.0.0.1'] } });
    expect(wildcard.map((f) => f[2])).toEqual(['/externals/apis/endpoints']);
  });

  it('originates TLS on http ports only, and refuses a port number twice', async () => {
    const found = await findings({
      api: {
        hosts: ['api.example.com'],
        ports: { a: { port: 443, protocol: 'https', originateTls: true }, b: { port: 443, protocol: 'tls' } },
      },
    });
    expect(found.map((f) => [f[0], f[2]])).toEqual([
      ['invalid-value', '/externals/api/ports/a/originateTls'],
      ['duplicate-port', '/externals/api/ports/b/port'],
    ]);
  });

  it('refuses timeout and retries on a wildcard host', async () => {
    const wildcard = await findings({ apis: { hosts: ['*.example.com'], ports: http, retries: { attempts: 1 } } });
    expect(wildcard).toEqual([
      ['invalid-value', 'error', '/externals/apis/retries', expect.stringContaining("wildcard host '*.example.com'")],
    ]);
  });

  it("checks its durations like a service's", async () => {
    const found = await findings({ api: { hosts: ['api.example.com'], ports: http, timeout: '0s' } });
    expect(found.map((f) => [f[0], f[2]])).toEqual([['invalid-value', '/externals/api/timeout']]);
  });
});
