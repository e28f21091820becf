import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, build, lintAnalysis } from '../../src/pipeline.js';
import { specFile } from '../helpers/spec.js';
import { tempDir } from '../helpers/tmp.js';

/** Names every plain object inherits; a spec may use them as names without them counting as declared. */
const prototypeNames = Object.getOwnPropertyNames(Object.prototype);
const image = 'ghcr.io/acme/app:1.0.0';

type Mutation = (name: string) => object;
/** Where a name can appear: declared (service, event, profile, rule option, tier) or referenced. */
const mutations: Record<string, Mutation> = {
  'a service': (n) => ({ services: { [n]: { image }, web: { image, calls: [n] } } }),
  'a call to an undeclared service': (n) => ({ services: { web: { image, calls: [n, { service: n }] } } }),
  'an event': (n) => ({ services: { web: { image, publishes: [n], subscribes: { [n]: {} } } }, events: { [n]: {} } }),
  'an undeclared event': (n) => ({ services: { web: { image, publishes: [n], subscribes: { [n]: {} } } } }),
  'a profile': (n) => ({ services: { web: { image, profile: n } }, profiles: { [n]: { replicas: 3 } } }),
  'an undeclared profile': (n) => ({ services: { web: { image, profile: n } } }),
  'a rule id and option': (n) => ({
    services: { web: { image } },
    policy: { rules: { [n]: 'off', 'retry-amplification': { severity: 'error', [n]: 3 } } },
  }),
  'a tier': (n) => ({ services: { web: { image, tier: n } }, policy: { tiers: { [n]: { minReplicas: 1 } } } }),
  'a version': (n) => ({ services: { web: { image, versions: { [n]: { weight: 100 } } } } }),
};

describe('names that Object.prototype has are ordinary names (issue 9, item 6)', () => {
  it('validate, lint and build never crash, and an undeclared one is an unknown reference', async () => {
    const { dir } = tempDir();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...prototypeNames),
        fc.constantFrom(...Object.keys(mutations)),
        async (name, where) => {
          // JSON.parse keeps "__proto__" as an own key, as the spec loaders do.
          const file = specFile(
            { apiVersion: 'hamesh.dev/v1', kind: 'System', metadata: { name: 'demo' }, ...mutations[where]!(name) },
            'system.json',
            dir,
          );
          const analysis = await analyze(file);
          if (where.includes('undeclared')) {
            expect(
              analysis.diagnostics.some((d) => d.rule === 'unknown-reference' && d.message.includes(`'${name}'`)),
            ).toBe(true);
          }
          if (analysis.resolved) lintAnalysis({ ...analysis, resolved: analysis.resolved });
          await build(file, { verify: true });
        },
      ),
      { numRuns: 200 },
    );
  });
});
