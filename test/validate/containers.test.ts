import { describe, expect, it } from 'vitest';
import { validate } from '../../src/validate/validate.js';

const image = 'ghcr.io/acme/app:1.0.0';
const findings = (services: Record<string, unknown>) =>
  validate({ apiVersion: 'hamesh.dev/v1', kind: 'System', metadata: { name: 'demo' }, services })
    .diagnostics.map((d) => [d.rule, d.path, d.message])
    .sort((a, b) => (a.join() < b.join() ? -1 : 1));

describe('volumes, init containers and sidecars at validate time', () => {
  it('reports unknown mounts, clashing names and paths, two volume sources and env references to services not called', () => {
    expect(
      findings({
        web: { image },
        app: {
          image,
          volumes: { data: { path: '/data', config: 'a', secret: 'b' }, cache: { path: '/data' } },
          init: [{ name: 'app', image, mounts: { dta: '/x' }, env: { WEB: { address: 'web' } } }],
          sidecars: [
            { name: 'proxy', image },
            { name: 'proxy', image },
          ],
        },
      }),
    ).toEqual([
      [
        'conflicting-fields',
        '/services/app/volumes/data',
        'has config and secret: a volume is one of emptyDir (the default), config or secret',
      ],
      [
        'duplicate-container',
        '/services/app/init/0/name',
        "is the name of another container of the pod (the service's own): container names must be unique",
      ],
      [
        'duplicate-container',
        '/services/app/sidecars/1/name',
        'is the name of another container of the pod (/services/app/sidecars/0): container names must be unique',
      ],
      ['duplicate-mount', '/services/app/volumes/cache/path', "mounts at /data, like volume 'data'"],
      [
        'env-reference',
        '/services/app/init/0/env/WEB/address',
        expect.stringContaining("reads the address of 'web', but 'app' does not call it"),
      ],
      [
        'unknown-reference',
        '/services/app/init/0/mounts/dta',
        "refers to volume 'dta', which 'app' does not declare in `volumes` or `storage` (did you mean 'data'?)",
      ],
    ]);
  });

  it("checks sidecar ports together with the service's", () => {
    expect(
      findings({ app: { image, sidecars: [{ name: 'side', image, ports: { http: { port: 9000 } } }] } }).map(
        ([rule, path]) => [rule, path],
      ),
    ).toEqual([['duplicate-port', '/services/app/sidecars/0/ports/http']]);
  });

  it('keeps storage and versions off Deployments, and the headless name free', () => {
    expect(
      findings({
        db: { image, storage: { data: { size: '1Gi', path: '/data' } } },
        kv: {
          image,
          workload: 'statefulset',
          versions: { a: { weight: 100 } },
          volumes: { data: { path: '/x' } },
          storage: { data: { size: '1Gi', path: '/x' } },
        },
        'kv-headless': { image },
      }).map(([rule, path]) => [rule, path]),
    ).toEqual([
      ['duplicate-mount', '/services/kv/storage/data/path'],
      ['duplicate-volume', '/services/kv/storage/data'],
      ['invalid-value', '/services/db/storage'],
      ['invalid-value', '/services/kv/versions'],
      ['invalid-value', '/services/kv/workload'],
    ]);
  });
});
