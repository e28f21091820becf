import { describe, expect, it } from 'vitest';
import { check } from '../../src/pipeline.js';
import type { RenderedDocument } from '../../src/render/target.js';
import { strictModelVerifier } from '../../src/verify/strict-model.js';
import { verify } from '../../src/verify/verify.js';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { DestinationRule } from '@kubernetes-models/istio/networking.istio.io/v1/DestinationRule';
import { specFile, system } from '../helpers/spec.js';

const deployment = () => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'x', labels: { 'any/label': 'ok', free: 'form' } },
  spec: {
    selector: { matchLabels: { app: 'x' } },
    template: { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'x', image: 'i', resources: { requests: { cpu: '1' } } }] } },
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
    expect(deploymentVerifier(d)).toEqual([
      { pointer: '/spec/replicaz', message: expect.stringContaining('unknown field') },
      { pointer: '/spec/template/spec/containers/0/imagePullPolicyz', message: expect.stringContaining('unknown field') },
    ]);
    const rule = { apiVersion: 'networking.istio.io/v1', kind: 'DestinationRule', metadata: { name: 'x' }, spec: { host: 'x', trafficPolicy: { outlierDetectionz: {} } } };
    expect(destinationRuleVerifier(rule)).toEqual([{ pointer: '/spec/trafficPolicy/outlierDetectionz', message: expect.stringContaining('unknown field') }]);
  });

  it('catches wrong types and enum values', () => {
    const d = deployment() as any;
    d.spec.replicas = 'three';
    expect(deploymentVerifier(d).map((p) => p.pointer)).toContain('/spec/replicas');
    const rule = { apiVersion: 'networking.istio.io/v1', kind: 'DestinationRule', metadata: { name: 'x' }, spec: { host: 'x', trafficPolicy: { loadBalancer: { simple: 'FASTEST' } } } };
    expect(destinationRuleVerifier(rule).map((p) => p.pointer)).toContain('/spec/trafficPolicy/loadBalancer/simple');
  });

  it('names the object, template and field, and refuses kinds without a registered schema', async () => {
    const { resolved } = await check(specFile(system({ x: { image: 'i' } })));
    const bad = deployment() as any;
    bad.spec.replicaz = 1;
    const documents: RenderedDocument[] = [
      { target: 'kubernetes', kind: 'manifest', file: 'a.yaml', template: 'deployment.yaml.hbs', value: bad },
      { target: 'other', kind: 'manifest', file: 'a.yaml', template: 'thing.yaml.hbs', value: { apiVersion: 'example.com/v1', kind: 'Thing', metadata: { name: 't' } } },
      { target: 'other', kind: 'file', file: 'b.json', template: 'b.json.hbs', value: { anything: true } },
    ];
    const found = await verify(documents, resolved!);
    expect(found.map((d) => d.message)).toEqual([
      'Deployment x (from deployment.yaml.hbs): spec.replicaz is not a field of this object (unknown field)',
      expect.stringMatching(/^Thing t \(from thing.yaml.hbs\): no schema is registered for apiVersion "example.com\/v1" kind "Thing"/),
    ]);
    expect(found.every((d) => d.rule === 'verify' && d.severity === 'error')).toBe(true);
  });
});
