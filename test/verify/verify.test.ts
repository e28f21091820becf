import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/pipeline.js';
import type { RenderedDocument } from '../../src/render/target.js';
import { strictModelVerifier } from '../../src/verify/strict-model.js';
import { verifiers } from '../../src/verify/verifiers.js';
import { verify } from '../../src/verify/verify.js';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { DestinationRule } from '@kubernetes-models/istio/networking.istio.io/v1/DestinationRule';
import { shopExample } from '../helpers/spec.js';
import { targets } from '../../src/render/targets.js';
import { TemplateEngine } from '../../src/render/engine.js';

const deployment = () => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'x', labels: { 'any/label': 'ok', free: 'form' } },
  spec: {
    selector: { matchLabels: { app: 'x' } },
    template: {
      metadata: { labels: { app: 'x' } },
      spec: { containers: [{ name: 'x', image: 'i', resources: { requests: { cpu: '1' } } }] },
    },
  },
});

describe('strict verification against the upstream schemas', () => {
  const deploymentVerifier = strictModelVerifier(Deployment);
  const destinationRuleVerifier = strictModelVerifier(DestinationRule);

  it('accepts a valid object with open maps (labels, resource lists)', () => {
    expect(deploymentVerifier(deployment())).toEqual([]);
  });

  it('catches unknown fields at any depth, which the upstream validators let through', () => {
    const d = deployment() as any;
    d.spec.replicaz = 3;
    d.spec.template.spec.containers[0].imagePullPolicyz = 'Always';
    expect(() => new Deployment(d).validate()).not.toThrow();
    // In document order.
    expect(deploymentVerifier(d)).toEqual([
      {
        pointer: '/spec/template/spec/containers/0/imagePullPolicyz',
        message: expect.stringContaining('unknown field'),
      },
      { pointer: '/spec/replicaz', message: expect.stringContaining('unknown field') },
    ]);
    const rule = {
      apiVersion: 'networking.istio.io/v1',
      kind: 'DestinationRule',
      metadata: { name: 'x' },
      spec: { host: 'x', trafficPolicy: { outlierDetectionz: {} } },
    };
    expect(destinationRuleVerifier(rule)).toEqual([
      { pointer: '/spec/trafficPolicy/outlierDetectionz', message: expect.stringContaining('unknown field') },
    ]);
  });

  it('catches wrong types and enum values', () => {
    const d = deployment() as any;
    d.spec.replicas = 'three';
    expect(deploymentVerifier(d).map((p) => p.pointer)).toContain('/spec/replicas');
    const rule = {
      apiVersion: 'networking.istio.io/v1',
      kind: 'DestinationRule',
      metadata: { name: 'x' },
      spec: { host: 'x', trafficPolicy: { loadBalancer: { simple: 'FASTEST' } } },
    };
    expect(destinationRuleVerifier(rule).map((p) => p.pointer)).toContain('/spec/trafficPolicy/loadBalancer/simple');
  });

  it('names the object, template and field, and refuses documents without a registered schema', async () => {
    const bad = deployment() as any;
    bad.spec.replicaz = 1;
    const documents: RenderedDocument[] = [
      {
        target: 'kubernetes',
        kind: 'manifest',
        file: 'a.yaml',
        template: 'deployment.yaml.hbs',
        value: bad,
        source: '/services/x',
      },
      {
        target: 'other',
        kind: 'manifest',
        file: 'a.yaml',
        template: 'thing.yaml.hbs',
        value: { apiVersion: 'example.com/v1', kind: 'Thing', metadata: { name: 't' } },
        source: '',
      },
      {
        target: 'other',
        kind: 'file',
        format: 'jetstream-stream',
        file: 'b.json',
        template: 'b.json.hbs',
        value: { anything: true },
        source: '/events/e',
      },
    ];
    const found = await verify(documents, verifiers, {});
    expect(found.map((d) => [d.path, d.message])).toEqual([
      [
        '/services/x',
        'Deployment x (from deployment.yaml.hbs): spec.replicaz is not a field of this object (unknown field)',
      ],
      [
        '',
        expect.stringMatching(
          /^Thing t \(from thing.yaml.hbs\): no schema is registered for apiVersion "example.com\/v1" kind "Thing"/,
        ),
      ],
      [
        '/events/e',
        expect.stringMatching(
          /^b.json \(from b.json.hbs\): no schema is registered for the file format "jetstream-stream"/,
        ),
      ],
    ]);
    expect(found.every((d) => d.rule === 'verify' && d.severity === 'error')).toBe(true);
  });
});

describe('every registered kind', () => {
  /** Objects whose keys are free (label maps, resource lists, Kafka topic config). */
  const maps = new Set(['labels', 'annotations', 'selector', 'matchLabels', 'requests', 'limits', 'data', 'config']);
  /** The deepest object (not a map) inside `value`, as a path of keys (first array items included). */
  const deepest = (value: unknown, path: string[] = []): string[] => {
    if (value === null || typeof value !== 'object') return [];
    const entries = Array.isArray(value)
      ? value.slice(0, 1).map((item) => ['0', item] as const)
      : Object.entries(value);
    const below = entries
      .filter(([key]) => !maps.has(key))
      .map(([key, child]) => deepest(child, [...path, key]))
      .filter((p) => p.length > 0);
    const self = Array.isArray(value) ? [] : path;
    return below.reduce((best, p) => (p.length > best.length ? p : best), self);
  };

  it('rejects an unknown field at the top, in metadata and at the deepest object of a real emitted object', async () => {
    const { resolved } = await analyze(shopExample);
    const documents = targets
      .filter((t) => t.byDefault(resolved!))
      .flatMap((t) => t.render(resolved!, { engine: new TemplateEngine() }));
    for (const entry of verifiers) {
      const sample = documents.find(
        (d) => d.value.apiVersion === entry.apiVersion && d.value.kind === entry.kind,
      )?.value;
      const value = structuredClone(
        sample ?? { apiVersion: entry.apiVersion, kind: entry.kind, metadata: { name: 'x' } },
      ) as any;
      const verifier = await entry.load();
      expect(verifier(value), `${entry.apiVersion} ${entry.kind}`).toEqual(sample ? [] : expect.anything());
      const path = deepest(value.spec).length > 0 ? ['spec', ...deepest(value.spec)] : ['metadata'];
      let at = value;
      for (const key of path) at = at[key];
      at.fieldz = 1;
      value.metadata.namez = 'x';
      value.kindz = 'x';
      const pointers = verifier(value)
        .filter((p) => p.message.includes('unknown field'))
        .map((p) => p.pointer);
      expect(pointers, `${entry.apiVersion} ${entry.kind}`).toEqual(
        expect.arrayContaining(['/kindz', '/metadata/namez', `/${path.join('/')}/fieldz`]),
      );
    }
  });
});
