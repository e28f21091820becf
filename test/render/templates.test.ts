import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TemplateEngine, TemplateError } from '../../src/render/engine.js';
import { runCli } from '../helpers/cli.js';
import { documentsOf, find } from '../helpers/render.js';
import { specFile, system } from '../helpers/spec.js';
import { tempDir } from '../helpers/tmp.js';

const spec = system({ api: { image: 'ghcr.io/acme/api:1.0.0' } });

/** A temporary folder holding `tpl/<name>` with `text`: a one-template override folder. */
function withOverride(name: string, text: string): string {
  const dir = tempDir().dir;
  mkdirSync(join(dir, 'tpl'));
  writeFileSync(join(dir, 'tpl', name), text);
  return dir;
}

/** `hamesh build` of the test's spec with `--target kubernetes` and the overrides written by withOverride. */
const buildWithOverrides = (dir: string, ...extra: string[]) =>
  runCli([
    'build',
    specFile(spec, 'system.json', dir),
    '--target',
    'kubernetes',
    '--templates',
    join(dir, 'tpl'),
    ...extra,
  ]);

describe('--templates overrides', () => {
  it('uses an overriding template and falls back to the built-in ones for the rest', async () => {
    const dir = tempDir().dir;
    writeFileSync(
      join(dir, 'serviceaccount.yaml.hbs'),
      'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: {{json name}}\n  namespace: {{json namespace}}\n  annotations:\n    team: platform\n',
    );
    const docs = await documentsOf(spec, new TemplateEngine(dir));
    expect(find(docs, 'ServiceAccount', 'api').metadata).toEqual({
      name: 'api',
      namespace: 'demo',
      annotations: { team: 'platform' },
    });
    expect(find(docs, 'Deployment', 'api').metadata.labels.app).toBe('api');
  });

  it('renders each text as written when texts of the same length differ (values written as text, not {{json}})', () => {
    const dir = tempDir().dir;
    writeFileSync(
      join(dir, 'serviceaccount.yaml.hbs'),
      'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: {{name}}\n',
    );
    const engine = new TemplateEngine(dir);
    // Same-length names make same-length texts: more than one length's worth of cached skeletons, then repeats.
    const names = Array.from({ length: 20 }, (_, i) => `sa-${String(i).padStart(2, '0')}`);
    for (const name of [...names, ...names.reverse()])
      expect(engine.render('serviceaccount.yaml.hbs', { name })[0]!.metadata).toEqual({ name });
  });

  it('names the template file and line of a Handlebars syntax error', () => {
    const dir = tempDir().dir;
    writeFileSync(join(dir, 'service.yaml.hbs'), 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{json name}\n');
    expect(() => new TemplateEngine(dir).render('service.yaml.hbs', {})).toThrow(TemplateError);
    expect(() => new TemplateEngine(dir).render('service.yaml.hbs', {})).toThrow(/service\.yaml\.hbs:4: /);
    // One error, exit 2: our file:line prefix, then Handlebars' own explanation (its wording is Handlebars', not pinned).
    const run = runCli(['build', specFile(spec, 'system.json', dir), '--target', 'kubernetes', '--templates', dir]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^hamesh: \S*service\.yaml\.hbs:4: /);
    expect(run.stderr).toContain('name: {{json name}');
    expect(run.stderr.match(/^hamesh: /gm)).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('rejects {{json}} of a misspelled variable instead of rendering null, naming the file and line', () => {
    const dir = withOverride(
      'serviceaccount.yaml.hbs',
      'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: {{json name}}\n  namespace: {{json namespce}}\n',
    );
    const run = buildWithOverrides(dir);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `hamesh: ${join(dir, 'tpl', 'serviceaccount.yaml.hbs')}:5: {{json}} got no value: is the variable name misspelled?\n`,
    );
    expect(
      new TemplateEngine(join(dir, 'tpl')).render('serviceaccount.yaml.hbs', { name: 'a', namespce: null })[0]!
        .metadata,
    ).toEqual({ name: 'a', namespace: null });
  });

  it('rejects a template whose output is not YAML, naming the file, and the CLI exits 2 writing nothing', () => {
    const dir = withOverride(
      'service.yaml.hbs',
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{json name}}\n   bad: indent\n',
    );
    expect(() => new TemplateEngine(join(dir, 'tpl')).render('service.yaml.hbs', { name: 'x' })).toThrow(
      /service\.yaml\.hbs: rendered output is not valid YAML at output line 5/,
    );
    const out = join(dir, 'out');
    const run = buildWithOverrides(dir, '--out', out);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/tpl\/service\.yaml\.hbs: rendered output is not valid YAML/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('fails verification, naming the object and field, when an override adds an unknown field', () => {
    const dir = withOverride(
      'serviceaccount.yaml.hbs',
      'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: {{json name}}\n  namespace: {{json namespace}}\nautomount: false\n',
    );
    const run = buildWithOverrides(dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(
      'ServiceAccount demo/api (from serviceaccount.yaml.hbs): automount is not a field of this object (unknown field)',
    );
  });
});
