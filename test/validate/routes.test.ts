import { describe, expect, it } from 'vitest';
import { validate } from '../../src/validate/validate.js';
import { runCli } from '../helpers/cli.js';
import { specFile } from '../helpers/spec.js';

const image = 'ghcr.io/acme/reviews:1.0.0';
const versions = { v1: { weight: 80 }, v2: { weight: 20 } };

describe('routes', () => {
  it('reports unknown versions, weights not adding up, routes on tcp and unreachable routes at the value to change', () => {
    const result = validate({
      apiVersion: 'hamesh.dev/v1',
      kind: 'System',
      metadata: { name: 'demo' },
      services: {
        reviews: {
          image,
          versions,
          routes: [{}, { to: 'v3' }, { to: { v1: 50, v9: 40 } }, { mirror: { version: 'v22' } }],
        },
        cache: { image, protocol: 'tcp', routes: [{ timeout: '0s' }] },
      },
    });
    expect(
      result.diagnostics.map(({ rule, severity, path, message }) => `${severity} ${rule} ${path} ${message}`).sort(),
    ).toEqual([
      'error invalid-value /services/cache/routes routes apply to HTTP and gRPC traffic only, and this service has no HTTP or gRPC port',
      'error invalid-value /services/cache/routes/0/timeout must be longer than 0s; leave it out to use no route timeout',
      "error unknown-reference /services/reviews/routes/1/to refers to version 'v3', which is not declared (did you mean 'v1'?)",
      "error unknown-reference /services/reviews/routes/2/to/v9 refers to version 'v9', which is not declared (did you mean 'v1'?)",
      "error unknown-reference /services/reviews/routes/3/mirror/version refers to version 'v22', which is not declared (did you mean 'v2'?)",
      'error version-weights /services/reviews/routes/2/to route weights must add up to 100, but they add up to 90',
    ]);
  });

  it('locates a wrong route in a YAML spec at its line and column', () => {
    const yaml = [
      'apiVersion: hamesh.dev/v1',
      'kind: System',
      'metadata: {name: demo}',
      'services:',
      '  reviews:',
      '    image: reviews:1',
      '    versions: {v1: {weight: 100}}',
      '    routes:',
      '      - match: {uri: {prefix: /api}}',
      '        to: v3',
    ].join('\n');
    const file = specFile(yaml, 'routes.yaml');
    const run = runCli(['validate', file]);
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).toContain(`${file}:10:9`);
  });
});
