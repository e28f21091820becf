import { describe, expect, it } from 'vitest';
import { createTsLocator } from '../../src/load/locate-ts.js';

const source = `import { defineSystem } from 'hamesh';

const shared = { image: 'shared:1', replicas: 2 };
const events = { 'a.b': { partitions: 3 } };
const computedPort = 8000 + 80;

export default defineSystem({
  apiVersion: 'hamesh.dev/v1',
  kind: 'System',
  metadata: { name: 'x' },
  services: {
    web: { ...shared, port: computedPort, calls: ['api'] },
    'api': { image: 'api:1' } as const,
  },
  events,
});
`;

describe('locating a JSON Pointer in a TypeScript spec', () => {
  const locate = createTsLocator('spec.ts', source);
  it.each([
    ['/services/web/calls/0', { line: 12, column: 51 }, 'an array element'],
    ['/services/api/image', { line: 13, column: 14 }, 'a quoted key, through `as const`'],
    ['/services/web/replicas', { line: 3, column: 37 }, 'a property spread in from a constant'],
    ['/events/a.b/partitions', { line: 4, column: 27 }, 'a shorthand property naming a constant'],
    ['/services/web/port', { line: 12, column: 23 }, 'a computed value: the property that computed it'],
    ['/services/web/nothing/here', { line: 12, column: 5 }, 'a missing key: its nearest ancestor'],
    ['', { line: 7, column: 29 }, 'the root: the object passed to defineSystem'],
  ])('%s → %o (%s)', (pointer, position) => {
    expect(locate(pointer)).toEqual(position);
  });

  it('finds nothing in a module without a default export', () => {
    expect(createTsLocator('x.ts', 'export const a = 1;')('/services')).toBeUndefined();
  });
});
