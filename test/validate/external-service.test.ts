import { describe, expect, it } from 'vitest';
import { validate } from '../../src/validate/validate.js';
import { system } from '../helpers/spec.js';

const image = 'ghcr.io/acme/app:1.0.0';

describe('service.external at validate time', () => {
  it('reports a name another Service takes, a port it does not expose and a worker', () => {
    const findings = validate(
      system({
        web: { image, service: { external: { name: 'api', ports: ['htp'] } } },
        api: { image },
        db: { image, workload: 'statefulset', service: { external: { name: 'db-headless' } } },
        worker: { image, ports: {}, service: { external: {} } },
      }),
    ).diagnostics.map((d) => [d.rule, d.path, d.message]);
    expect(findings.sort()).toEqual([
      [
        'invalid-value',
        '/services/db/service/external/name',
        "gives 'db' a second Service named 'db-headless', which is its own: set another `name`",
      ],
      [
        'invalid-value',
        '/services/web/service/external/name',
        "gives 'web' a second Service named 'api', which 'api' takes too: set another `name`",
      ],
      [
        'invalid-value',
        '/services/worker/service/external',
        "needs an exposed port, and 'worker' has none: add one to `ports`",
      ],
      [
        'unknown-reference',
        '/services/web/service/external/ports/0',
        "refers to port 'htp', which 'web' does not expose (its exposed ports: http)",
      ],
    ]);
  });
});
