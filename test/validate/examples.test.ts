import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/pipeline.js';

/** Each mistake in examples/broken.{yaml,ts}: rule, JSON Pointer, and its line:col in each file. */
const expected: Array<{ rule: string; path: string; yaml: string; ts: string; message: RegExp }> = [
  {
    rule: 'schema',
    path: '/services/frontend/tier',
    yaml: '10:5',
    ts: '13:7',
    message: /must be one of "critical", "standard", "best-effort"/,
  },
  {
    rule: 'unknown-key',
    path: '/services/frontend/replicaz',
    yaml: '11:5',
    ts: '14:7',
    message: /did you mean 'replicas'/,
  },
  {
    rule: 'unknown-reference',
    path: '/services/frontend/calls/0',
    yaml: '12:13',
    ts: '15:15',
    message: /service 'paymnts'/,
  },
  {
    rule: 'schema',
    path: '/services/frontend/timeout',
    yaml: '13:5',
    ts: '16:7',
    message: /must be a duration such as 250ms/,
  },
  { rule: 'schema', path: '/services/cart/replicas', yaml: '16:5', ts: '20:7', message: /^must be an integer >= 0$/ },
  { rule: 'unknown-reference', path: '/services/cart/profile', yaml: '17:5', ts: '21:7', message: /profile 'fast'/ },
  {
    rule: 'conflicting-fields',
    path: '/services/cart/disruption',
    yaml: '18:5',
    ts: '22:7',
    message:
      /^a disruption takes exactly one of maxUnavailable, minAvailable; this one has maxUnavailable and minAvailable$/,
  },
  { rule: 'version-weights', path: '/services/cart/versions', yaml: '19:5', ts: '23:7', message: /add up to 90/ },
  {
    rule: 'unknown-reference',
    path: '/services/orders/publishes/0',
    yaml: '24:17',
    ts: '27:19',
    message: /did you mean 'order.created'/,
  },
  {
    rule: 'unknown-reference',
    path: '/services/orders/subscribes/payment.completed',
    yaml: '26:7',
    ts: '29:9',
    message: /event 'payment.completed'/,
  },
  {
    rule: 'schema',
    path: '/services/orders/subscribes/payment.completed/retry/backoff',
    yaml: '26:48',
    ts: '29:54',
    message: /"fixed", "exponential"/,
  },
  {
    rule: 'schema',
    path: '/events/order.created/partitions',
    yaml: '28:19',
    ts: '33:32',
    message: /must be an integer >= 1/,
  },
];

describe('the bundled examples', () => {
  it.each(['examples/shop/system.ts', 'examples/shop/system.yaml'])('%s is valid', async (file) => {
    const { diagnostics, resolved } = await analyze(file);
    expect(diagnostics).toEqual([]);
    expect(resolved?.system.services.length).toBeGreaterThanOrEqual(6);
    expect(resolved?.system.events.length).toBeGreaterThanOrEqual(4);
  });

  describe.each([
    ['yaml', 'examples/broken.yaml'],
    ['ts', 'examples/broken.ts'],
  ] as const)('examples/broken.%s', (format, file) => {
    it('reports every mistake (and nothing else) with its pointer and line:col', async () => {
      const { diagnostics, resolved } = await analyze(file);
      expect(resolved).toBeUndefined();
      const found = diagnostics.map((d) => ({ rule: d.rule, path: d.path, at: `${d.line}:${d.column}`, file: d.file }));
      expect(found).toEqual(expected.map((e) => ({ rule: e.rule, path: e.path, at: e[format], file })));
      for (const [index, e] of expected.entries()) expect(diagnostics[index]!.message).toMatch(e.message);
    });
  });
});
