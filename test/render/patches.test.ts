import { describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline.js';
import { mergePatch } from '../../src/render/patches.js';
import { specFile } from '../helpers/spec.js';

const yaml = (lines: string[]) => specFile(`${lines.join('\n')}\n`, 'system.yaml');
/** Build findings without the lint stage's (these specs leave probes out). */
const findings = async (file: string) => {
  const result = await build(file, { verify: true });
  return { ...result, diagnostics: result.diagnostics.filter((d) => d.rule !== 'missing-probes') };
};
const header = ['apiVersion: hamesh.dev/v1', 'kind: System', 'metadata: {name: demo}'];
const byKind = (documents: Awaited<ReturnType<typeof build>>['documents'], kind: string, name: string) =>
  documents!.find((d) => d.value.kind === kind && (d.value.metadata as { name: string }).name === name)!
    .value as Record<string, any>;

describe('JSON merge patch (RFC 7386)', () => {
  it('merges objects, removes keys set to null and replaces everything else', () => {
    expect(mergePatch({ a: 1, b: { c: 2, d: [1, 2] }, e: 'x' }, { a: null, b: { d: [3] }, f: { g: true } })).toEqual({
      b: { c: 2, d: [3] },
      e: 'x',
      f: { g: true },
    });
    expect(mergePatch({ a: 1 }, ['replaced'])).toEqual(['replaced']);
  });
});

describe('patches and objects', () => {
  it("patches a service's objects by kind and system objects by Kind/name, and passes objects through namespaced", async () => {
    const file = yaml([
      ...header,
      'services:',
      '  web:',
      '    image: web:1',
      '    versions: {v1: {weight: 50}, v2: {weight: 50}}',
      '    patches:',
      '      Deployment:',
      '        spec:',
      '          revisionHistoryLimit: 3',
      '          template: {spec: {topologySpreadConstraints: null, hostAliases: [{ip: 10.0.0.1, hostnames: [db.local]}]}}',
      'patches:',
      '  PeerAuthentication/default: {spec: {mtls: {mode: PERMISSIVE}}}',
      'objects:',
      '  - apiVersion: rbac.authorization.k8s.io/v1',
      '    kind: Role',
      '    metadata: {name: reader}',
      '    rules: [{apiGroups: [""], resources: [pods], verbs: [get, list]}]',
      '  - apiVersion: rbac.authorization.k8s.io/v1',
      '    kind: ClusterRole',
      '    metadata: {name: node-reader}',
      '    rules: [{apiGroups: [""], resources: [nodes], verbs: [get]}]',
    ]);
    const { diagnostics, documents } = await findings(file);
    expect(diagnostics).toEqual([]);
    for (const name of ['web-v1', 'web-v2']) {
      const deployment = byKind(documents, 'Deployment', name);
      expect(deployment.spec.revisionHistoryLimit).toBe(3);
      expect(deployment.spec.template.spec.topologySpreadConstraints).toBeUndefined();
      expect(deployment.spec.template.spec.hostAliases).toEqual([{ ip: '10.0.0.1', hostnames: ['db.local'] }]);
      // The rest of the rendered object is untouched.
      expect(deployment.spec.template.spec.containers[0].image).toBe('web:1');
    }
    expect(byKind(documents, 'PeerAuthentication', 'default').spec).toEqual({ mtls: { mode: 'PERMISSIVE' } });
    expect(byKind(documents, 'Role', 'reader').metadata).toMatchObject({ name: 'reader', namespace: 'demo' });
    expect(byKind(documents, 'ClusterRole', 'node-reader').metadata.namespace).toBeUndefined();
    expect(documents!.find((d) => d.value.kind === 'Role')!.file).toBe('manifests/namespace/objects.yaml');
  });

  it('fails the build at the line of an unknown field a patch or an object introduces', async () => {
    const file = yaml([
      ...header,
      'services:',
      '  web:',
      '    image: web:1',
      '    patches:',
      '      Deployment:',
      '        spec:',
      '          replicaz: 3',
      'objects:',
      '  - apiVersion: v1',
      '    kind: Secret',
      '    metadata: {name: token}',
      '    stringDatta: {token: abc}',
    ]);
    const { diagnostics, documents } = await findings(file);
    expect(documents).toBeUndefined();
    expect(diagnostics.map((d) => [d.rule, d.line, d.path])).toEqual([
      ['verify', 10, '/services/web/patches/Deployment/spec/replicaz'],
      ['verify', 15, '/objects/0/stringDatta'],
    ]);
    expect(diagnostics[0]!.message).toContain('spec.replicaz is not a field of this object (unknown field)');
  });

  it('locates the same unknown fields at their line and column in a TypeScript spec', async () => {
    const lines = [
      'export default {',
      "  apiVersion: 'hamesh.dev/v1',",
      "  kind: 'System',",
      "  metadata: { name: 'demo' },",
      '  services: {',
      "    web: { image: 'web:1', patches: { Deployment: { spec: { replicaz: 3 } } } },",
      '  },',
      "  objects: [{ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'token' }, stringDatta: { token: 'abc' } }],",
      '};',
      '',
    ];
    const { diagnostics } = await findings(specFile(lines.join('\n'), 'system.ts'));
    // Line and column of the unknown key itself (1-based).
    const at = (line: number, key: string) => [line, lines[line - 1]!.indexOf(key) + 1];
    expect(diagnostics.map((d) => [d.rule, d.line, d.column, d.path])).toEqual([
      ['verify', ...at(6, 'replicaz'), '/services/web/patches/Deployment/spec/replicaz'],
      ['verify', ...at(8, 'stringDatta'), '/objects/0/stringDatta'],
    ]);
  });

  it('refuses a patch that changes the identity of an object, and warns about one that matches nothing', async () => {
    const file = yaml([
      ...header,
      'services:',
      '  web:',
      '    image: web:1',
      '    patches:',
      '      Service: {metadata: {name: other}}',
      'patches:',
      '  Deployment/nope: {spec: {paused: true}}',
    ]);
    const { diagnostics } = await findings(file);
    expect(diagnostics.map((d) => [d.rule, d.severity, d.path, d.line])).toEqual([
      ['patch', 'error', '/services/web/patches/Service/metadata/name', 8],
      ['patch-unmatched', 'warning', '/patches/Deployment~1nope', 10],
    ]);
  });

  it('rejects a misspelled kind at validation, with a suggestion', async () => {
    const file = yaml([
      ...header,
      'services:',
      '  web:',
      '    image: web:1',
      '    patches:',
      '      Deploymnet: {spec: {paused: true}}',
    ]);
    const { diagnostics } = await findings(file);
    expect(diagnostics.map((d) => [d.rule, d.line, d.message.split(';')[0]])).toEqual([
      ['unknown-key', 8, "'Deploymnet' is not a known key (did you mean 'Deployment'?)"],
    ]);
  });
});
