import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LoadError } from '../../src/load/source.js';
import { loadOrgPolicy } from '../../src/pipeline.js';
import { loadPolicy } from '../../src/policy/load.js';
import { tempDir } from '../helpers/tmp.js';

const { dir, write } = tempDir();

describe('organisation policy files', () => {
  it('reports shape problems and unknown rules as pointers into the file, which the pipeline locates', () => {
    const bad = write('bad.yaml', 'tiers:\n  critical: {minReplica: 3}\n');
    expect(loadPolicy(bad).diagnostics.map((d) => [d.rule, d.path, d.line])).toEqual([
      ['unknown-key', '/tiers/critical/minReplica', undefined],
    ]);
    expect(loadOrgPolicy(bad).diagnostics.map((d) => [d.rule, d.path, d.file, d.line, d.column, d.message])).toEqual([
      [
        'unknown-key',
        '/tiers/critical/minReplica',
        bad,
        2,
        14,
        "'minReplica' is not a known key (did you mean 'minReplicas'?); allowed: minReplicas, minZones, minTopicReplication, requireCircuitBreaker, requireProbes",
      ],
    ]);
    const typo = write('typo.yaml', 'suppress:\n  - {rule: min-replica, path: /services, reason: r}\n');
    const loaded = loadOrgPolicy(typo);
    expect(loaded.policy?.file).toBe(typo);
    expect(loaded.diagnostics.map((d) => [d.rule, d.path, d.file, d.line])).toEqual([
      ['policy-config', '/suppress/0/rule', typo, 2],
    ]);
  });

  it('accepts an empty file as an empty policy, and no --policy as none', () => {
    expect(loadPolicy(write('empty.yaml', '')).policy).toEqual({});
    expect(loadOrgPolicy(undefined)).toEqual({ diagnostics: [] });
  });

  it('throws LoadError for files it cannot use', () => {
    expect(() => loadPolicy(join(dir, 'missing.yaml'))).toThrow(LoadError);
    expect(() => loadPolicy(write('policy.toml', 'x = 1'))).toThrow(/unsupported policy file type '.toml'/);
    expect(() => loadPolicy(write('broken.yaml', 'rules: [\n'))).toThrow(/cannot parse YAML/);
  });
});
