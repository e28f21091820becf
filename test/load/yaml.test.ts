import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../src/load/load.js';
import { loadYamlText } from '../../src/load/yaml.js';
import { tempDir } from '../helpers/tmp.js';

const header = 'apiVersion: hamesh.dev/v1\nkind: System\nmetadata: { name: demo }\n';

describe('YAML anchors and aliases', () => {
  it('expand to the same data as the written-out spec, and locate paths through the alias', () => {
    const withAliases = `${header}x-probes: &probes { readiness: /ready, liveness: /live }\nservices:\n  web: { image: "web:1", probes: *probes }\n  api:\n    image: "api:1"\n    probes: *probes\n`;
    const written = `${header}x-probes: { readiness: /ready, liveness: /live }\nservices:\n  web: { image: "web:1", probes: { readiness: /ready, liveness: /live } }\n  api:\n    image: "api:1"\n    probes: { readiness: /ready, liveness: /live }\n`;
    const loaded = loadYamlText('system.yaml', withAliases, 'yaml');
    expect(loaded.data).toEqual(loadYamlText('system.yaml', written, 'yaml').data);
    expect(loaded.locate('/services/api/probes')).toEqual({ line: 9, column: 5 });
    expect(loaded.locate('/services/web/image')).toEqual({ line: 6, column: 10 });
  });

  it('refuses an alias bomb with a located error instead of expanding it', async () => {
    const levels = Array.from(
      { length: 10 },
      (_, i) => `l${i + 1}: &l${i + 1} [${Array(10).fill(`*l${i}`).join(', ')}]`,
    );
    const file = tempDir().write('bomb.yaml', `${header}l0: &l0 [lol]\n${levels.join('\n')}\nservices: {}\n`);
    await expect(loadSpec(file)).rejects.toMatchObject({ name: 'LoadError', message: expect.stringMatching(/alias/i) });
  });

  it('reads an ampersand inside a value as text, not as an anchor', () => {
    const loaded = loadYamlText('system.yaml', `${header}services:\n  web: { image: "r&d/web:1" }\n`, 'yaml');
    expect(loaded.data).toMatchObject({ services: { web: { image: 'r&d/web:1' } } });
  });
});
