import { describe, expect, it } from 'vitest';
import { deepMerge, longestPrefixIn } from '../../src/environment/merge.js';

describe('deepMerge: an environment over the spec', () => {
  it('merges objects key by key, replaces arrays and scalars, and deletes on null', () => {
    const base = {
      zones: ['a', 'b', 'c'],
      services: { web: { replicas: 3, image: 'web:1', calls: ['api'] }, api: { image: 'api:1' } },
    };
    const { data, overridden } = deepMerge(base, {
      zones: ['a'],
      services: { web: { replicas: 1, calls: null }, worker: { image: 'w:1' } },
    });
    expect(data).toEqual({
      zones: ['a'],
      services: { web: { replicas: 1, image: 'web:1' }, api: { image: 'api:1' }, worker: { image: 'w:1' } },
    });
    expect([...overridden].sort()).toEqual(['/services/web/replicas', '/services/worker', '/zones']);
    expect(base.services.web.replicas).toBe(3); // inputs untouched
  });

  it('replaces an object with a scalar and the other way round', () => {
    expect(
      deepMerge({ loadBalancer: { consistentHash: { header: 'x' } } }, { loadBalancer: 'round-robin' }).data,
    ).toEqual({ loadBalancer: 'round-robin' });
    expect(deepMerge({ a: 1 }, { a: { b: 2 } }).data).toEqual({ a: { b: 2 } });
  });

  it('finds the longest overridden prefix of a pointer', () => {
    const set = new Set(['/services/worker', '/zones']);
    expect(longestPrefixIn('/services/worker/image', set)).toBe('/services/worker');
    expect(longestPrefixIn('/services/web/image', set)).toBeUndefined();
    expect(longestPrefixIn('/zones/0', set)).toBe('/zones');
  });
});
