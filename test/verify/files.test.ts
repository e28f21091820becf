import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TemplateEngine } from '../../src/render/engine.js';
import type { FileFormat, RenderedDocument } from '../../src/render/target.js';
import { targets } from '../../src/render/targets.js';
import { fileVerifiers } from '../../src/verify/files.js';
import { verify } from '../../src/verify/verify.js';
import { runCli } from '../helpers/cli.js';
import { resolveFile, shopWithNats, specFile } from '../helpers/spec.js';
import { tempDir } from '../helpers/tmp.js';

/** The shop on NATS with broker.auth, every target: each standalone file format the build writes. */
async function shopFiles(): Promise<RenderedDocument[]> {
  const file = shopWithNats();
  writeFileSync(file, readFileSync(file, 'utf8').replace('brokers: 3 }', "brokers: 3, auth: 'tls' }"));
  const resolved = await resolveFile(file);
  const engine = new TemplateEngine();
  return targets.flatMap((t) => t.render(resolved, { engine })).filter((d) => d.kind === 'file');
}

describe('standalone files are verified against their schemas', () => {
  it('accepts every file the shop writes, and rejects an unknown field or a wrong type in each format', async () => {
    const files = await shopFiles();
    const formats = new Set(files.map((d) => (d.kind === 'file' ? d.format : undefined)));
    expect([...formats].sort()).toEqual(Object.keys(fileVerifiers).sort());
    expect(await verify(files)).toEqual([]);
    for (const format of Object.keys(fileVerifiers) as FileFormat[]) {
      const sample = files.find((d) => d.kind === 'file' && d.format === format)!;
      const value = structuredClone(sample.value) as Record<string, any>;
      // The permissions file is a map of variables: the unknown field goes into one's permissions.
      (format === 'nats-permissions' ? Object.values(value)[0] : value).fieldz = 1;
      const found = await verify([{ ...sample, value }]);
      expect(
        found.map((d) => d.message),
        format,
      ).toContainEqual(expect.stringMatching(/fieldz is not a field of this object \(unknown field\)$/));
      expect(found.every((d) => d.rule === 'verify' && d.severity === 'error' && d.path === sample.source)).toBe(true);
    }
    const stream = files.find((d) => d.kind === 'file' && d.format === 'jetstream-stream')!;
    const wrongType = await verify([{ ...stream, value: { ...stream.value, num_replicas: 'three' } }]);
    expect(wrongType.map((d) => d.message)).toEqual([
      `${stream.file} (from nats-stream.json.hbs): num_replicas must be integer`,
    ]);
    const consumer = files.find((d) => d.kind === 'file' && d.format === 'jetstream-consumer')!;
    const badPolicy = await verify([{ ...consumer, value: { ...consumer.value, ack_policy: 'sometimes' } }]);
    expect(badPolicy.map((d) => d.message)).toEqual([
      `${consumer.file} (from nats-consumer.json.hbs): ack_policy must be equal to one of the allowed values`,
    ]);
  });
});

/** A one-event NATS (or Kafka) system in YAML: the event `orders` is declared on line 9. */
const spec = (broker: 'nats' | 'kafka') =>
  [
    'apiVersion: hamesh.dev/v1',
    'kind: System',
    'metadata: { name: mini }',
    `broker: { kind: ${broker} }`,
    'services:',
    '  api: { image: "api:1", port: 8080, publishes: [orders] }',
    '  worker: { image: "worker:1", subscribes: { orders: {} } }',
    'events:',
    '  orders: { partitions: 3 }',
    '',
  ].join('\n');

/** A verify error in the text report, at the event `orders` (line 9, column 3). */
const located = (file: string, message: string) =>
  new RegExp(`${literal(file)}:9:3 +error +/events/orders +${literal(message)} +verify\n`);
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Builds `spec` with one template overridden by `text` (the built-in template with `from` replaced by `to`). */
function buildWithOverride(broker: 'nats' | 'kafka', template: string, from: string, to: string) {
  const { dir } = tempDir();
  const builtin = readFileSync(new URL(`../../templates/${template}`, import.meta.url), 'utf8');
  expect(builtin).toContain(from);
  mkdirSync(join(dir, 'tpl'));
  writeFileSync(join(dir, 'tpl', template), builtin.replace(from, to));
  const file = specFile(spec(broker), 'system.yaml', dir);
  return {
    file,
    out: join(dir, 'out'),
    run: (...args: string[]) => runCli(['build', file, '--templates', join(dir, 'tpl'), '--no-lint', ...args]),
  };
}

describe('a template override that breaks a standalone file or a broker object', () => {
  it('fails the build on an invalid JetStream stream config, located at the event, writing nothing', () => {
    const build = buildWithOverride(
      'nats',
      'nats-stream.json.hbs',
      '"num_replicas": {{json replicas}}',
      '"num_replicas": "three"',
    );
    const run = build.run('--out', build.out, '--target', 'nats');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      located(build.file, 'nats/streams/ORDERS.json (from nats-stream.json.hbs): num_replicas must be integer'),
    );
    expect(run.stdout).toContain('build stopped: nothing was written');
    expect(() => readFileSync(join(build.out, 'nats/streams/ORDERS.json'))).toThrow();
  });

  it('locates a finding on a KafkaTopic at its event, not the spec root', () => {
    const build = buildWithOverride(
      'kafka',
      'kafkatopic.yaml.hbs',
      'partitions: {{json partitions}}',
      'partitionz: {{json partitions}}',
    );
    const run = build.run('--target', 'kafka');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      located(
        build.file,
        'KafkaTopic mini/orders (from kafkatopic.yaml.hbs): spec.partitionz is not a field of this object (unknown field)',
      ),
    );
  });
});
