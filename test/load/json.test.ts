import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../src/load/load.js';
import { LoadError } from '../../src/load/source.js';
import { tempDir } from '../helpers/tmp.js';

const folder = tempDir();

async function loadJson(text: string): Promise<LoadError['diagnostic'] | undefined> {
  const error = await loadSpec(folder.write('spec.json', text)).then(
    () => undefined,
    (e: unknown) => e,
  );
  return error instanceof LoadError ? error.diagnostic : undefined;
}

describe('a .json spec is strict JSON (issue 9, item 12)', () => {
  it('a duplicate key is an error at the second key, naming the first', async () => {
    expect(
      await loadJson('{\n  "apiVersion": "hamesh.dev/v1",\n  "services": {"a": {}, "b": {}, "a": {}}\n}\n'),
    ).toMatchObject({
      rule: 'load',
      message: 'cannot parse JSON: duplicate key "a" (first at 3:16): a JSON object\'s keys must be unique',
      line: 3,
      column: 34,
    });
  });

  it('trailing commas, comments and YAML are refused, located', async () => {
    expect(await loadJson('{"kind": "System",\n}')).toMatchObject({
      message: 'cannot parse JSON: a trailing comma is not JSON: remove it',
      line: 2,
      column: 1,
    });
    expect(await loadJson('// spec\n{}')).toMatchObject({
      message: expect.stringMatching(/comments are not JSON/),
      line: 1,
      column: 1,
    });
    expect(await loadJson('apiVersion: hamesh.dev/v1\nkind: System\n')).toMatchObject({
      message: expect.stringMatching(/this is not JSON \(YAML in a \.json file\?/),
      line: 1,
      column: 1,
    });
  });

  it('equal keys in different objects are fine', async () => {
    expect(await loadJson('{"a": {"x": 1}, "b": {"x": 2}}')).toBeUndefined();
  });
});
