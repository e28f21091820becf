import { describe, expect, it } from 'vitest';
import { applyEnvironment, environmentsToRun } from '../../src/environment/select.js';
import { loadYamlText } from '../../src/load/yaml.js';

const text = `apiVersion: hamesh.dev/v1
kind: System
metadata: {name: s}
services:
  web:
    image: web:1
    replicas: 3
environments:
  dev:
    services:
      web:
        replicas: 1
      extra: {image: x:1}
  prod: {}
`;

describe('applyEnvironment', () => {
  const spec = loadYamlText('s.yaml', text, 'yaml');

  it('locates a value at the line that won: the override, or the base', () => {
    const dev = applyEnvironment(spec, 'dev');
    expect(dev.locate('/services/web/replicas')).toEqual({ line: 12, column: 9 });
    expect(dev.locate('/services/web/image')).toEqual({ line: 6, column: 5 });
    expect(dev.locate('/services/extra/image')).toEqual({ line: 13, column: 15 });
    expect(dev.sourceOf('/services/web/replicas')).toBe('/environments/dev/services/web/replicas');
    expect(applyEnvironment(spec, 'prod').locate('/services/web/replicas')).toEqual({ line: 7, column: 5 });
  });

  it('runs every declared environment by default, the requested one, and refuses an unknown one', () => {
    expect(environmentsToRun(spec, undefined)).toEqual(['dev', 'prod']);
    expect(environmentsToRun(spec, 'prod')).toEqual(['prod']);
    expect(() => environmentsToRun(spec, 'qa')).toThrow(
      "unknown environment 'qa' (from --env or HAMESH_ENV): it declares dev, prod",
    );
    expect(environmentsToRun(loadYamlText('p.yaml', 'services: {}', 'yaml'), undefined)).toEqual([undefined]);
  });
});
