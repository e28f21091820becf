import { ruleTester } from '../helpers.js';

const image = 'example/app:1';

ruleTester('call-cycle', {
  valid: [
    { name: 'a chain', spec: { services: { a: { image, calls: ['b'] }, b: { image, calls: ['c'] }, c: { image } } } },
    {
      name: 'a cycle through a non-critical call',
      spec: { services: { a: { image, calls: ['b'] }, b: { image, calls: [{ service: 'a', critical: false }] } } },
    },
    {
      name: 'a diamond',
      spec: {
        services: {
          a: { image, calls: ['b', 'c'] },
          b: { image, calls: ['d'] },
          c: { image, calls: ['d'] },
          d: { image },
        },
      },
    },
  ],
  invalid: [
    {
      name: 'two services calling each other',
      spec: { services: { a: { image, calls: ['b'] }, b: { image, calls: ['a'] } } },
      findings: [{ path: '/services/a/calls/0', severity: 'error', message: 'critical calls form a cycle: a → b → a' }],
    },
    {
      name: 'a service calling itself',
      spec: { services: { a: { image, calls: ['a'] } } },
      findings: [{ path: '/services/a/calls/0', message: 'a → a' }],
    },
    {
      name: 'the shortest cycle through the first service of a larger component',
      spec: {
        services: {
          a: { image, calls: ['x', 'b'] },
          b: { image, calls: ['c'] },
          c: { image, calls: ['a', 'd'] },
          d: { image },
          x: { image },
        },
      },
      findings: [{ path: '/services/a/calls/1', message: 'a → b → c → a' }],
    },
    {
      name: 'each separate cycle once',
      spec: {
        services: {
          a: { image, calls: ['b'] },
          b: { image, calls: ['a'] },
          c: { image, calls: ['d'] },
          d: { image, calls: ['c'] },
        },
      },
      findings: [{ path: '/services/a/calls/0' }, { path: '/services/c/calls/0', message: 'c → d → c' }],
    },
  ],
});
