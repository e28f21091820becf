import { describe, expect, it } from 'vitest';
import { payloadBreaks } from '../../src/diff/payload.js';

const order = {
  type: 'object',
  required: ['orderId', 'total'],
  properties: {
    orderId: { type: 'string' },
    total: { type: 'number' },
    status: { enum: ['new', 'paid'] },
    lines: {
      type: 'array',
      items: { type: 'object', required: ['sku'], properties: { sku: { type: 'string' }, qty: { type: 'integer' } } },
    },
  },
};
const edited = (edit: (schema: any) => void) => {
  const copy = structuredClone(order);
  edit(copy);
  return copy;
};

describe('payloadBreaks: what breaks consumers of the old schema', () => {
  it.each([
    ['an optional property added', (s: any) => (s.properties.note = { type: 'string' })],
    [
      'a required property added (publishers must send it; consumers may ignore it)',
      (s: any) => s.required.push('status'),
    ],
    ['a type narrowed (number → integer)', (s: any) => (s.properties.total.type = 'integer')],
    ['an enum value removed', (s: any) => (s.properties.status.enum = ['new'])],
    ['an optional property removed', (s: any) => delete s.properties.status],
    ['nothing changed', () => {}],
  ])('valid: %s', (_name, edit) => {
    expect(payloadBreaks(order, edited(edit))).toEqual([]);
  });

  it.each([
    [
      'a required property removed',
      (s: any) => {
        s.required = ['orderId'];
        delete s.properties.total;
      },
      '/properties/total',
      "required property 'total' is removed",
    ],
    [
      'a required property made optional',
      (s: any) => (s.required = ['orderId']),
      '/properties/total',
      "required property 'total' is no longer required",
    ],
    [
      'a type changed',
      (s: any) => (s.properties.orderId.type = 'integer'),
      '/properties/orderId/type',
      'consumers do not expect integer',
    ],
    [
      'a type widened (integer → number)',
      (s: any) => (s.properties.lines.items.properties.qty.type = 'number'),
      '/properties/lines/items/properties/qty/type',
      'consumers do not expect number',
    ],
    [
      'a type added to a list',
      (s: any) => (s.properties.total.type = ['number', 'null']),
      '/properties/total/type',
      'consumers do not expect null',
    ],
    [
      'an enum value added',
      (s: any) => s.properties.status.enum.push('refunded'),
      '/properties/status/enum',
      'new value(s) "refunded"',
    ],
    [
      'a required property of array items removed',
      (s: any) => (s.properties.lines.items.required = []),
      '/properties/lines/items/properties/sku',
      "required property 'sku'",
    ],
    [
      'a type no longer constrained',
      (s: any) => delete s.properties.total.type,
      '/properties/total',
      'no longer constrained',
    ],
  ])('invalid: %s', (_name, edit, path, message) => {
    const breaks = payloadBreaks(order, edited(edit));
    expect(breaks).toHaveLength(1);
    expect(breaks[0]!.path).toBe(path);
    expect(breaks[0]!.message).toContain(message);
  });
});
