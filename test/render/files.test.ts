import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentsOf, find } from '../helpers/render.js';
import { specFile, system } from '../helpers/spec.js';
import { tempDir } from '../helpers/tmp.js';

const image = 'ghcr.io/acme/app:1.0.0';

/** The spec written into a fresh folder next to `extra` files (relative name → content). */
function specWith(spec: object, extra: Record<string, string> = {}): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(extra)) {
    mkdirSync(dirname(join(dir.dir, name)), { recursive: true });
    dir.write(name, text);
  }
  return specFile(spec, 'system.json', dir.dir);
}

const web = (files: object, extra: object = {}) => system({ web: { image, files, ...extra } });
const robots = 'User-agent: *\nDisallow: /\n';

describe('files', () => {
  it('renders inline and {from} files into one hash-named ConfigMap, mounted file by file (subPath), verified upstream', async () => {
    const spec = web(
      { '/usr/share/nginx/html/robots.txt': robots, '/etc/nginx/conf.d/default.conf': { from: './conf/default.conf' } },
      {
        volumes: { cache: { path: '/var/cache/nginx' } },
        sidecars: [
          {
            name: 'reloader',
            image,
            mounts: { '/etc/nginx/conf.d/default.conf': '/watch/default.conf', cache: '/cache' },
          },
        ],
      },
    );
    const docs = await documentsOf(specWith(spec, { 'conf/default.conf': 'server { listen 8080; }\n' }));
    const configMap = docs.find((d) => d.value.kind === 'ConfigMap')!.value as Record<string, any>;
    expect(configMap.metadata.name).toMatch(/^web-files-[0-9a-f]{10}$/);
    expect(configMap.data).toEqual({ 'default.conf': 'server { listen 8080; }\n', 'robots.txt': robots });
    const pod = find(docs, 'Deployment', 'web').spec.template.spec;
    expect(pod.volumes).toEqual([
      { name: 'cache', emptyDir: {} },
      { name: 'hamesh-files', configMap: { name: configMap.metadata.name } },
    ]);
    expect(pod.containers[0].volumeMounts).toEqual([
      { name: 'cache', mountPath: '/var/cache/nginx' },
      { name: 'hamesh-files', mountPath: '/etc/nginx/conf.d/default.conf', subPath: 'default.conf', readOnly: true },
      { name: 'hamesh-files', mountPath: '/usr/share/nginx/html/robots.txt', subPath: 'robots.txt', readOnly: true },
    ]);
    expect(pod.containers[1].volumeMounts).toEqual([
      { name: 'hamesh-files', mountPath: '/watch/default.conf', subPath: 'default.conf', readOnly: true },
      { name: 'cache', mountPath: '/cache' },
    ]);
  });

  it('names the ConfigMap after its content: the same files give the same name in any key order, a change gives a new one', async () => {
    const nameOf = async (files: object) =>
      (await documentsOf(web(files))).find((d) => d.value.kind === 'ConfigMap')!.value.metadata as { name: string };
    const a = await nameOf({ '/a/x.conf': '1', '/b/y.conf': '2' });
    expect(await nameOf({ '/b/y.conf': '2', '/a/x.conf': '1' })).toEqual(a);
    expect(await nameOf({ '/a/x.conf': '1', '/b/y.conf': '3' })).not.toEqual(a);
  });

  it('keys two files of the same name by position and name, so they never clash', async () => {
    const docs = await documentsOf(web({ '/etc/a/app.conf': 'a', '/etc/b/app.conf': 'b', '/etc/c/other@1.conf': 'c' }));
    expect(docs.find((d) => d.value.kind === 'ConfigMap')!.value.data).toEqual({
      '0-app.conf': 'a',
      '1-app.conf': 'b',
      '2-other_1.conf': 'c',
    });
  });
});
