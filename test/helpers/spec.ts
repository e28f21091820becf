import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { join } from 'node:path';
import { normalize } from '../../src/normalize/normalize.js';
import { analyze } from '../../src/pipeline.js';
import { resolve, type ResolvedSystem } from '../../src/resolve/resolve.js';
import type { System } from '../../src/spec/schema.generated.js';
import { validate } from '../../src/validate/validate.js';
import { runCli } from './cli.js';
import { tempDir } from './tmp.js';

/* The one spec helper: building specs, writing them to files and taking them through the real stages. */

export const shopExample = new URL('../../examples/shop/system.ts', import.meta.url).pathname;

/** A spec without the boilerplate: apiVersion, kind and metadata are filled in. */
export type TestSpec = Omit<System, 'apiVersion' | 'kind' | 'metadata'>;

const header = { apiVersion: 'hamesh.dev/v1', kind: 'System', metadata: { name: 'demo' } } as const;

/** A whole System spec (loose, so tests can also build invalid ones): the header, `services` and anything `extra`. */
export function system(services: Record<string, object>, extra: object = {}): object {
  return { ...header, services, ...extra };
}

/** Writes a spec — an object as JSON, or source text — to `name` in `dir` (default: a fresh temp folder); returns its path. */
export function specFile(spec: object | string, name = 'system.json', dir = tempDir().dir): string {
  const file = join(dir, name);
  writeFileSync(file, typeof spec === 'string' ? spec : JSON.stringify(spec));
  return file;
}

/** In-process validate → normalize → resolve of a spec object; throws if the spec is invalid. */
export function resolveSpec(spec: TestSpec): ResolvedSystem {
  const result = validate({ ...header, ...spec });
  if (!result.ok)
    throw new Error(`test spec is invalid:\n${result.diagnostics.map((d) => `${d.path} ${d.message}`).join('\n')}`);
  return resolve(normalize(result.spec));
}

/** A spec file through the real pipeline (load → … → lint); throws unless it resolves. */
export async function resolveFile(file: string): Promise<ResolvedSystem> {
  const { resolved, diagnostics } = await analyze(file);
  if (!resolved) throw new Error(`spec has findings: ${JSON.stringify(diagnostics)}`);
  return resolved;
}

/** A copy of the shop example with broker.kind switched to nats. */
export function shopWithNats(): string {
  const source = readFileSync(shopExample, 'utf8');
  const switched = source.replace("broker: { kind: 'kafka',", "broker: { kind: 'nats',");
  if (switched === source) throw new Error('the shop example no longer declares broker.kind kafka as expected');
  return specFile(switched, 'system.ts');
}

export const shopYaml = new URL('../../examples/shop/system.yaml', import.meta.url).pathname;

/** The shop example's YAML as data, edited by `edit`, written as `name` in `dir`: a second version to diff against it. */
export function shopVersion(edit: (spec: ShopData) => void, name = 'system.yaml', dir = tempDir().dir): string {
  const data = parseYaml(readFileSync(shopYaml, 'utf8')) as ShopData;
  edit(data);
  return specFile(stringifyYaml(data), name, dir);
}

/** The shop example's data, loosely typed for edits. */
export type ShopData = Record<string, any> & { services: Record<string, any>; events: Record<string, any> };

/**
 * A project folder as a team using CI would have it: the shop example's YAML as `system.yaml`, a hamesh.config.yaml
 * (`specs: [system.yaml]`, `out: deploy`) and deploy/ freshly built through the CLI, so lint and build --check pass.
 */
export function shopProject(dir = tempDir().dir): string {
  copyFileSync(shopYaml, join(dir, 'system.yaml'));
  writeFileSync(join(dir, 'hamesh.config.yaml'), 'specs: [system.yaml]\nout: deploy\n');
  const built = runCli(['build'], { cwd: dir });
  if (built.code !== 0) throw new Error(`the shop project does not build: ${built.stderr}${built.stdout}`);
  return dir;
}
