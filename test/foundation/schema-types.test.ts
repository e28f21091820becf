import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { SystemSpec } from '../../src/dsl.js';
import type { System } from '../../src/spec/schema.generated.js';
import { root } from '../helpers/cli.js';

/** Compile-time proof that the DSL's types and the schema-generated types describe the same data. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const dslMatchesSchema: Same<SystemSpec, System> = true;

describe('the TypeScript types never drift from schemas/system.schema.json', () => {
  it('src/spec/schema.generated.ts is what the schema generates', () => {
    // Exits non-zero (failing the test) when the committed file differs from a fresh generation.
    expect(() => execFileSync(process.execPath, ['scripts/gen-types.mjs', '--check'], { cwd: root, stdio: 'pipe' })).not.toThrow();
  });

  it('the DSL types are the generated types with checked references', () => {
    expect(dslMatchesSchema).toBe(true);
  });
});
