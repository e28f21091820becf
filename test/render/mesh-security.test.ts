import { describe, expect, it } from 'vitest';
import { documentsOf, find } from '../helpers/render.js';
import { system } from '../helpers/spec.js';

const image = 'ghcr.io/acme/app:1.0.0';
const kinds = (docs: Awaited<ReturnType<typeof documentsOf>>, kind: string) =>
  docs.filter((d) => d.value.kind === kind).map((d) => (d.value.metadata as { name: string }).name);

describe('mesh security modes', () => {
  it('defaults to STRICT mTLS and an AuthorizationPolicy per service admitting its callers', async () => {
    const docs = await documentsOf(system({ web: { image, calls: ['api'] }, api: { image } }));
    expect(find(docs, 'PeerAuthentication', 'default').spec).toEqual({ mtls: { mode: 'STRICT' } });
    expect(find(docs, 'AuthorizationPolicy', 'api').spec.rules).toEqual([
      { from: [{ source: { principals: ['cluster.local/ns/demo/sa/web'] } }] },
    ]);
  });

  it('mtls: permissive and authorization: off', async () => {
    const docs = await documentsOf(
      system(
        { web: { image, calls: ['api'] }, api: { image } },
        { mesh: { mtls: 'permissive', authorization: 'off' } },
      ),
    );
    expect(find(docs, 'PeerAuthentication', 'default').spec).toEqual({ mtls: { mode: 'PERMISSIVE' } });
    expect(kinds(docs, 'AuthorizationPolicy')).toEqual([]);
  });

  it("admits mesh.allow everywhere and a service's allowFrom on that service, namespaces and principals apart", async () => {
    const docs = await documentsOf(
      system(
        {
          web: { image, calls: ['api'] },
          api: { image, allowFrom: [{ namespace: 'billing' }, { principal: 'cluster.local/ns/audit/sa/auditor' }] },
        },
        { mesh: { allow: [{ namespace: 'monitoring' }] } },
      ),
    );
    expect(find(docs, 'AuthorizationPolicy', 'api').spec.rules).toEqual([
      {
        from: [
          { source: { principals: ['cluster.local/ns/demo/sa/web', 'cluster.local/ns/audit/sa/auditor'] } },
          { source: { namespaces: ['billing', 'monitoring'] } },
        ],
      },
    ]);
    // A service nobody calls still admits the mesh-wide sources.
    expect(find(docs, 'AuthorizationPolicy', 'web').spec.rules).toEqual([
      { from: [{ source: { namespaces: ['monitoring'] } }] },
    ]);
  });

  it('allowFrom anyone admits clients outside the mesh: a rule without sources and a PERMISSIVE PeerAuthentication of its own', async () => {
    const docs = await documentsOf(
      system({ web: { image, service: { type: 'LoadBalancer' }, allowFrom: [{ anyone: true }] } }),
    );
    expect(find(docs, 'AuthorizationPolicy', 'web').spec.rules).toEqual([{}]);
    expect(find(docs, 'PeerAuthentication', 'web').spec).toEqual({
      selector: { matchLabels: { app: 'web' } },
      mtls: { mode: 'PERMISSIVE' },
    });
    // Under a PERMISSIVE namespace it needs no PeerAuthentication of its own.
    const permissive = await documentsOf(
      system({ web: { image, allowFrom: [{ anyone: true }] } }, { mesh: { mtls: 'permissive' } }),
    );
    expect(kinds(permissive, 'PeerAuthentication')).toEqual(['default']);
  });

  it('mesh.allow anyone opens every service as its own allowFrom anyone would', async () => {
    const docs = await documentsOf(
      system({ web: { image, calls: ['api'] }, api: { image } }, { mesh: { allow: [{ anyone: true }] } }),
    );
    for (const name of ['web', 'api']) {
      expect(find(docs, 'AuthorizationPolicy', name).spec.rules).toEqual([{}]);
      expect(find(docs, 'PeerAuthentication', name).spec.mtls).toEqual({ mode: 'PERMISSIVE' });
    }
  });

  it('emits no Namespace for `default`, unless createNamespace says so', async () => {
    const inDefault = await documentsOf(
      system({ web: { image } }, { metadata: { name: 'demo', namespace: 'default' } }),
    );
    expect(kinds(inDefault, 'Namespace')).toEqual([]);
    const forced = await documentsOf(
      system({ web: { image } }, { metadata: { name: 'demo', namespace: 'default', createNamespace: true } }),
    );
    expect(kinds(forced, 'Namespace')).toEqual(['default']);
    const owned = await documentsOf(system({ web: { image } }, { metadata: { name: 'demo', createNamespace: false } }));
    expect(kinds(owned, 'Namespace')).toEqual([]);
    expect(kinds(await documentsOf(system({ web: { image } })), 'Namespace')).toEqual(['demo']);
  });
});
