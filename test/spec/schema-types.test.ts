import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers/cli.js';

// That the DSL's types accept exactly the generated types is a compile-time check:
// test/fixtures/types/valid/schema-agreement.ts, compiled by types.test.ts.
describe('the TypeScript types never drift from schemas/system.schema.json', () => {
  it('src/spec/schema.generated.ts is what the schema generates', () => {
    // Exits non-zero (failing the test) when the committed file differs from a fresh generation.
    expect(() =>
      execFileSync(process.execPath, ['scripts/gen-types.mjs', '--check'], { cwd: root, stdio: 'pipe' }),
    ).not.toThrow();
  });
});
