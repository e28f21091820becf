import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allCodes, type DiagnosticCode, type LintCode } from '../../src/diagnostics/codes.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { lint } from '../../src/lint/engine.js';
import { applyOrgPolicy } from '../../src/policy/merge.js';
import type { LoadError } from '../../src/load/source.js';
import { analyze, build } from '../../src/pipeline.js';
import type { System } from '../../src/spec/schema.generated.js';
import { drift } from '../../src/write/drift.js';
import { legacyTempFiles, leftovers } from '../../src/write/out-dir.js';
import { readIndex } from '../../src/write/plan.js';
import { indexFile } from '../../src/render/layout.js';
import { target } from '../helpers/render.js';
import { resolveSpec, specFile, system, type TestSpec } from '../helpers/spec.js';
import { tempDir } from '../helpers/tmp.js';
import { diffShop } from '../helpers/diff.js';

/*
 * Every id in the catalogue is produced by at least one test. A lint rule is proven by its RuleTester file
 * (test/lint/rules/<id>.test.ts, which requires at least one invalid case); every other id needs a witness
 * here: a small input that makes the real stage report it. The compiler demands one for each new non-lint id.
 */
type Witness = () => Promise<readonly Diagnostic[]> | readonly Diagnostic[];

const image = 'example/app:1';
const validated = async (services: Record<string, object>, extra: object = {}) =>
  (await analyze(specFile(system(services, extra)))).diagnostics;
const targetPreflight = (name: string, spec: TestSpec) => target(name).preflight!(resolveSpec(spec));
const natsSpec = (services: TestSpec['services'], events: TestSpec['events']): TestSpec => ({
  broker: { kind: 'nats' },
  services,
  events,
});

const witnesses: Record<Exclude<DiagnosticCode, LintCode['id']>, Witness> & Partial<Record<LintCode['id'], Witness>> = {
  load: () =>
    analyze(specFile('services: [', 'broken.yaml')).then(
      () => [],
      (error: LoadError) => [error.diagnostic],
    ),
  schema: () => validated({ a: { image: 1 } }),
  'unknown-key': () => validated({ a: { image, replicaz: 2 } }),
  'unknown-reference': () => validated({ a: { image, calls: ['nobody'] } }),
  'version-weights': () => validated({ a: { image, versions: { v1: { weight: 30 }, v2: { weight: 30 } } } }),
  'duplicate-call': () => validated({ a: { image, calls: ['b', 'b'] }, b: { image } }),
  'invalid-value': () => validated({ a: { image, autoscale: { min: 3, max: 2 } } }),
  'conflicting-fields': () => validated({ a: { image, port: 80, ports: { web: { port: 8080 } } } }),
  'duplicate-name': () =>
    validated(
      { a: { image, calls: ['b'] }, b: { image } },
      { externals: { b: { hosts: ['b.example.com'], ports: { https: { port: 443, protocol: 'https' } } } } },
    ),
  'duplicate-port': () => validated({ a: { image, ports: { web: { port: 8080 }, admin: { port: 8080 } } } }),
  'port-name': () => validated({ a: { image, ports: { 'grpc-longname': { port: 1 } } } }),
  'env-reference': () => validated({ a: { image, env: { PAY: { address: 'b' } } }, b: { image } }),
  'env-cycle': () => validated({ a: { image, env: { A: '$(B)', B: '$(A)' } } }),
  'reserved-label': () => validated({ a: { image, labels: { app: 'x' } } }),
  'unreachable-call': () => validated({ a: { image, calls: ['worker'] }, worker: { image, ports: {} } }),
  'duplicate-mount': () => validated({ a: { image, volumes: { data: { path: '/data' }, cache: { path: '/data' } } } }),
  'duplicate-container': () => validated({ a: { image, sidecars: [{ name: 'a', image }] } }),
  'duplicate-volume': () =>
    validated({
      kv: {
        image,
        workload: 'statefulset',
        volumes: { data: { path: '/x' } },
        storage: { data: { size: '1Gi', path: '/y' } },
      },
    }),
  'file-source': () => validated({ a: { image, files: { '/etc/app.conf': { from: './missing.conf' } } } }),
  'probe-protocol': () =>
    validated({
      cache: { image, ports: { redis: { port: 6379, protocol: 'tcp' } }, probes: { readiness: '/healthz' } },
    }),
  'policy-config': () =>
    lint(resolveSpec({ services: { a: { image, replicas: 3 } }, policy: { rules: { schema: 'off' } } })),
  'expired-suppression': () =>
    lint(
      resolveSpec({
        services: { a: { image } },
        policy: { suppress: [{ rule: 'min-replicas', path: '/services/a', reason: 'r', expires: '2020-01-01' }] },
      }),
    ),
  'policy-floor': () => {
    const org = { file: 'org.policy.yaml', policy: { tiers: { standard: { minReplicas: 3 } } } };
    return applyOrgPolicy(
      system({ a: { image } }, { policy: { tiers: { standard: { minReplicas: 1 } } } }) as System,
      org,
    ).notes;
  },
  'unused-suppression': () =>
    lint(
      resolveSpec({
        services: { a: { image, replicas: 3 } },
        policy: { suppress: [{ rule: 'min-replicas', path: '/services/a', reason: 'r' }] },
      }),
    ),
  'topic-name': () =>
    targetPreflight('kafka', {
      services: { w: { image, subscribes: { 'job.done': { deadLetter: true } } } },
      events: { 'job.done': {}, 'job.done.w.dlt': {} },
    }),
  'kafka-user-name': () =>
    targetPreflight('kafka', {
      broker: { auth: 'tls' },
      services: { ['a'.repeat(60)]: { image, publishes: ['e'] } },
      events: { e: {} },
    }),
  'stream-name': () =>
    targetPreflight(
      'nats',
      natsSpec(
        { w: { image, subscribes: { 'job.done': { deadLetter: true } } } },
        { 'job.done': {}, 'job.done.dlq': {} },
      ),
    ),
  'consumer-name': () =>
    targetPreflight(
      'nats',
      natsSpec(
        { a: { image, subscribes: { e: { group: 'g' } } }, b: { image, subscribes: { e: { group: 'g' } } } },
        { e: {} },
      ),
    ),
  'nats-duration': () =>
    targetPreflight('nats', natsSpec({ a: { image, publishes: ['e'] } }, { e: { retention: '200000d' } })),
  'stream-replicas': () =>
    targetPreflight('nats', natsSpec({ a: { image, publishes: ['e'] } }, { e: { replication: 7 } })),
  'virtualservice-name': () =>
    targetPreflight('istio', { services: { web: { image, ingress: { hosts: ['*'] } }, wildcard: { image } } }),
  'external-name': () =>
    targetPreflight('istio', {
      services: { a: { image, calls: ['api'] }, 'api-1': { image, timeout: '1s' } },
      externals: {
        api: {
          hosts: ['a.example.com', 'b.example.com'],
          ports: { http: { port: 80, protocol: 'http' } },
          timeout: '2s',
        },
      },
    }),
  'ingress-unsupported': () =>
    targetPreflight('ingress', {
      services: { a: { image, retries: { attempts: 1 }, ingress: { hosts: ['example.com'] } } },
    }),
  'gateway-api-unsupported': () =>
    targetPreflight('gateway-api', { services: { a: { image, routes: [{ fault: { abort: { status: 500 } } }] } } }),
  'gateway-api-name': () =>
    targetPreflight('gateway-api', {
      services: { a: { image, versions: { v1: { weight: 100 } } }, 'a-v1': { image } },
    }),
  'ingress-conflict': () =>
    validated({ a: { image, ingress: { hosts: ['example.com'] } }, b: { image, ingress: { hosts: ['example.com'] } } }),
  reference: async () => {
    const patch = { VirtualService: { spec: { http: [{ route: [{ destination: { host: 'web', subset: 'v9' } }] }] } } };
    const file = specFile(system({ web: { image, versions: { v1: { weight: 100 } }, patches: patch } }));
    return (await build(file, { verify: true, targets: [target('istio')] })).diagnostics;
  },
  patch: async () => {
    const file = specFile(system({ web: { image, patches: { Service: { metadata: { name: 'other' } } } } }));
    return (await build(file, { verify: true, targets: [target('kubernetes')] })).diagnostics;
  },
  verify: async () => {
    const templates = tempDir();
    templates.write(
      'serviceaccount.yaml.hbs',
      'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: {{json name}}\nspec: {}\n',
    );
    const file = specFile(system({ a: { image } }));
    return (await build(file, { verify: true, templates: templates.dir, targets: [target('kubernetes')] })).diagnostics;
  },
  drift: () => drift(tempDir().dir, [{ path: 'a.yaml', content: 'a: 1\n' }]),
  'patch-unmatched': async () => {
    const file = specFile(system({ web: { image } }, { patches: { 'Deployment/nobody': { spec: { paused: true } } } }));
    return (await build(file, { verify: true, targets: [target('kubernetes')] })).diagnostics;
  },
  'output-recovered': () => {
    const out = tempDir();
    out.write('old.yaml.hamesh-tmp-123', 'left by a killed build\n');
    return leftovers(out.dir, legacyTempFiles(out.dir, ['old.yaml']), 'warning');
  },
  'output-index': () => {
    const out = tempDir();
    out.write(indexFile, '../outside.yaml\n');
    return readIndex(out.dir).warnings;
  },
  'partitions-decrease': async () => (await diffShop((s) => (s.events['order.created'].partitions = 3))).diagnostics,
  'partitions-increase-keyed': async () =>
    (await diffShop((s) => (s.events['order.created'].partitions = 12))).diagnostics,
  'replication-change': async () => (await diffShop((s) => (s.events['order.created'].replication = 2))).diagnostics,
  'event-removed-with-subscribers': async () =>
    (
      await diffShop((s) => {
        delete s.events['order.shipped'];
        s.services.shipping.publishes = [];
        delete s.services.notifications.subscribes['order.shipped'];
      })
    ).diagnostics,
  'payload-breaking': async () => (await diffShop((s) => (s.events['order.created'].schema.required = []))).diagnostics,
  'caller-removed': async () => (await diffShop((s) => (s.services.checkout.calls = ['payments']))).diagnostics,
  'output-interrupted': () => {
    const out = tempDir();
    out.write('old.yaml.hamesh-tmp-123', 'left by a killed build\n');
    return leftovers(out.dir, legacyTempFiles(out.dir, ['old.yaml']), 'error');
  },
};

const ruleTest = (id: string) => new URL(`../lint/rules/${id}.test.ts`, import.meta.url);

describe('the diagnostics catalogue', () => {
  it('documents every id: kebab-case, unique, a one-line description and a fix', () => {
    expect(new Set(allCodes.map((code) => code.id)).size).toBe(allCodes.length);
    for (const code of allCodes) {
      expect(code.id).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(code.description, code.id).not.toContain('\n');
      for (const text of [code.description, code.fix]) expect(text.length, code.id).toBeGreaterThan(20);
    }
  });

  it.each(allCodes.map((code) => [code.id, code] as const))('%s is produced by a test', async (id, code) => {
    const witness = witnesses[id];
    if (!witness) {
      // A lint rule: its RuleTester file proves it (each invalid case asserts the findings it produces).
      expect(code.stage, `${id} needs a witness in test/diagnostics/codes.test.ts`).toBe('lint');
      expect(existsSync(ruleTest(id)), `test/lint/rules/${id}.test.ts`).toBe(true);
      expect(readFileSync(ruleTest(id), 'utf8')).toContain(`ruleTester('${id}'`);
      return;
    }
    const produced = await witness();
    expect(produced.map((d) => d.rule)).toContain(id);
    expect(produced.find((d) => d.rule === id)!.severity).toBe(code.severity);
  });
});
