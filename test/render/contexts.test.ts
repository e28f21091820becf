import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TemplateEngine } from '../../src/render/engine.js';
import type { RenderedValue } from '../../src/render/target.js';
import { targets } from '../../src/render/targets.js';
import { resolveFile, shopExample, shopWithNats, specFile } from '../helpers/spec.js';

const templatesDir = new URL('../../templates/', import.meta.url);
const templates = readdirSync(templatesDir).sort();
const contextsSource = readFileSync(new URL('../../src/render/contexts.ts', import.meta.url), 'utf8');

/** A template's header comment: its context type and what the context holds. */
function header(name: string): { type: string; body: string } {
  const match = /^\{\{!-- Context: (\w+) \(src\/render\/contexts\.ts\)\n([\s\S]*?)\n--\}\}\n/.exec(
    readFileSync(new URL(name, templatesDir), 'utf8'),
  );
  if (!match) throw new Error(`${name} does not start with its {{!-- Context: … --}} header`);
  return { type: match[1]!, body: match[2]! };
}

/** Records the context every template is rendered with. */
class RecordingEngine extends TemplateEngine {
  readonly contexts = new Map<string, object[]>();
  override render(name: string, context: object): RenderedValue[] {
    this.contexts.set(name, [...(this.contexts.get(name) ?? []), context]);
    return super.render(name, context);
  }
}

/** Builds that together render every template: the shop on Kafka and on NATS with broker.auth, and lag autoscaling with an external. */
async function renderEverything(): Promise<RecordingEngine> {
  const engine = new RecordingEngine();
  const withAuth = (file: string) => {
    writeFileSync(file, readFileSync(file, 'utf8').replace('brokers: 3 }', "brokers: 3, auth: 'tls' }"));
    return file;
  };
  const lag = specFile(
    'apiVersion: hamesh.dev/v1\nkind: System\nmetadata: { name: lag }\nbroker: { kind: kafka }\nservices:\n' +
      '  worker: { image: "w:1", files: { /etc/w.conf: "x" }, subscribes: { orders: { autoscale: { lag: 50 } } } }\n  api: { image: "a:1", port: 8080, publishes: [orders], calls: [pay] }\nevents:\n  orders: {}\n' +
      'externals:\n  pay: { hosts: [api.pay.example], ports: { https: { port: 443, protocol: https } } }\n',
    'system.yaml',
  );
  for (const file of [
    withAuth(specFile(readFileSync(shopExample, 'utf8'), 'system.ts')),
    withAuth(shopWithNats()),
    lag,
  ]) {
    const resolved = await resolveFile(file);
    for (const target of targets) target.render(resolved, { engine });
  }
  return engine;
}

describe('template contexts', () => {
  it('every template names its exported context type, which TemplateContexts maps it to', () => {
    for (const name of templates) {
      const { type } = header(name);
      expect(contextsSource, name).toMatch(new RegExp(`export (interface|type) ${type}\\b`));
      expect(contextsSource, name).toContain(`'${name}': ${type};`);
    }
    expect(contextsSource.match(/^ {2}'[\w.-]+\.hbs': \w+;$/gm)).toHaveLength(templates.length);
  });

  it('renders every template against contexts of its type from real builds, and each header names every field', async () => {
    const engine = await renderEverything();
    expect([...engine.contexts.keys()].sort()).toEqual(templates);
    for (const [name, contexts] of engine.contexts) {
      const words = new Set(header(name).body.match(/\w+/g));
      const keys = new Set(contexts.flatMap((context) => Object.keys(context)));
      expect(
        [...keys].filter((key) => !words.has(key)),
        `${name}: fields its header does not mention`,
      ).toEqual([]);
    }
  });

  it("the README's template section shows each template's context exactly as its header says", () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = /<!-- templates:start -->\n([\s\S]*?)<!-- templates:end -->/.exec(readme)?.[1];
    const blocks = templates.map(
      (name) => `\`${name}\` — \`${header(name).type}\`:\n\`\`\`text\n${header(name).body}\n\`\`\``,
    );
    expect(section).toBe(
      `<details><summary>The context of each template</summary>\n\n${blocks.join('\n\n')}\n\n</details>\n`,
    );
  });
});
