import { describe, expect, it } from 'vitest';
import { deepMerge, longestPrefixIn } from '../../src/environment/merge.js';
import { applyEnvironment, environmentsToRun } from '../../src/environment/select.js';
import { loadYamlText } from '../../src/load/yaml.js';

describe('deepMerge: an environment over the spec', () => {
  it('merges objects key by key, replaces arrays and scalars, and deletes on null', () => {
    const base = { zones: ['a', 'b', 'c'], services: { web: { replicas: 3, image: 'web:1', calls: ['api'] }, api: { image: 'api:1' } } };
    const { data, overridden } = deepMerge(base, { zones: ['a'], services: { web: { replicas: 1, calls: null }, worker: { image: 'w:1' } } });
    expect(data).toEqual({ zones: ['a'], services: { web: { replicas: 1, image: 'web:1' }, api: { image: 'api:1' }, worker: { image: 'w:1' } } });
    expect([...overridden].sort()).toEqual(['/services/web/replicas', '/services/worker', '/zones']);
    expect(base.services.web.replicas).toBe(3); // inputs untouched
  });

  it('replaces an object with a scalar and the other way round', () => {
    expect(deepMerge({ loadBalancer: { consistentHash: { header: 'x' } } }, { loadBalancer: 'round-robin' }).data).toEqual({ loadBalancer: 'round-robin' });
    expect(deepMerge({ a: 1 }, { a: { b: 2 } }).data).toEqual({ a: { b: 2 } });
  });

  it('finds the longest overridden prefix of a pointer', () => {
    const set = new Set(['/services/worker', '/zones']);
    expect(longestPrefixIn('/services/worker/image', set)).toBe('/services/worker');
    expect(longestPrefixIn('/services/web/image', set)).toBeUndefined();
    expect(longestPrefixIn('/zones/0', set)).toBe('/zones');
  });
});

const text = `apiVersion: hamesh.dev/v1
kind: System
metadata: {name: s}
services:
  web:
    image: web:1
    replicas: 3
environments:
  dev:
    services:
      web:
        replicas: 1
      extra: {image: x:1}
  prod: {}
`;

describe('applyEnvironment', () => {
  const spec = loadYamlText('s.yaml', text, 'yaml');

  it('locates a value at the line that won: the override, or the base', () => {
    const dev = applyEnvironment(spec, 'dev');
    expect(dev.locate('/services/web/replicas')).toEqual({ line: 12, column: 9 });
    expect(dev.locate('/services/web/image')).toEqual({ line: 6, column: 5 });
    expect(dev.locate('/services/extra/image')).toEqual({ line: 13, column: 15 });
    expect(dev.sourceOf('/services/web/replicas')).toBe('/environments/dev/services/web/replicas');
    expect(applyEnvironment(spec, 'prod').locate('/services/web/replicas')).toEqual({ line: 7, column: 5 });
  });

  it('runs every declared environment by default, the requested one, and refuses an unknown one', () => {
    expect(environmentsToRun(spec, undefined)).toEqual(['dev', 'prod']);
    expect(environmentsToRun(spec, 'prod')).toEqual(['prod']);
    expect(() => environmentsToRun(spec, 'qa')).toThrow("unknown environment 'qa' (from --env or HAMESH_ENV): it declares dev, prod");
    expect(environmentsToRun(loadYamlText('p.yaml', 'services: {}', 'yaml'), undefined)).toEqual([undefined]);
  });
});
