import { describe, expect, it } from 'vitest';
import { documentsOf, find } from '../helpers/render.js';
import { system } from '../helpers/spec.js';

const image = 'ghcr.io/acme/reviews:1.0.0';
const versions = { v1: { weight: 80 }, v2: { weight: 20 } };

describe('routes', () => {
  it('evaluates routes in order before the default weighted route, with matches, weights, timeout, retries, fault and mirror', async () => {
    const routes = [
      { name: 'jason', match: { headers: { 'end-user': { exact: 'jason' } } }, to: 'v2' },
      {
        match: [{ uri: { prefix: '/api' }, method: 'POST' }, { queryParams: { canary: { regex: '^y(es)?$' } } }],
        to: { v2: 30, v1: 70 },
        timeout: '1s',
        retries: { attempts: 0 },
      },
      {
        match: { uri: { exact: '/slow' } },
        fault: { delay: { fixed: '7s', percent: 10 }, abort: { status: 503 } },
        mirror: { version: 'v2', percent: 5 },
      },
    ];
    const docs = await documentsOf(system({ reviews: { image, versions, timeout: '3s', routes } }));
    expect(find(docs, 'VirtualService', 'reviews').spec.http).toEqual([
      {
        name: 'jason',
        match: [{ headers: { 'end-user': { exact: 'jason' } } }],
        route: [{ destination: { host: 'reviews', subset: 'v2' } }],
        timeout: '3s',
      },
      {
        match: [
          { uri: { prefix: '/api' }, method: { exact: 'POST' } },
          { queryParams: { canary: { regex: '^y(es)?$' } } },
        ],
        route: [
          { destination: { host: 'reviews', subset: 'v1' }, weight: 70 },
          { destination: { host: 'reviews', subset: 'v2' }, weight: 30 },
        ],
        timeout: '1s',
        retries: { attempts: 0 },
      },
      {
        match: [{ uri: { exact: '/slow' } }],
        route: [
          { destination: { host: 'reviews', subset: 'v1' }, weight: 80 },
          { destination: { host: 'reviews', subset: 'v2' }, weight: 20 },
        ],
        timeout: '3s',
        fault: {
          delay: { fixedDelay: '7s', percentage: { value: 10 } },
          abort: { httpStatus: 503, percentage: { value: 100 } },
        },
        mirror: { host: 'reviews', subset: 'v2' },
        mirrorPercentage: { value: 5 },
      },
      {
        route: [
          { destination: { host: 'reviews', subset: 'v1' }, weight: 80 },
          { destination: { host: 'reviews', subset: 'v2' }, weight: 20 },
        ],
        timeout: '3s',
      },
    ]);
  });

  it('gives a service with routes (and nothing else) a VirtualService', async () => {
    const docs = await documentsOf(
      system({
        api: { image, routes: [{ match: { uri: { prefix: '/v2' } }, fault: { abort: { status: 500, percent: 50 } } }] },
      }),
    );
    expect(find(docs, 'VirtualService', 'api').spec.http).toHaveLength(2);
  });
});
