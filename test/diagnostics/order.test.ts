import { describe, expect, it } from 'vitest';
import type { DiagnosticCode } from '../../src/diagnostics/codes.js';
import { compareDiagnostics, type Diagnostic } from '../../src/diagnostics/diagnostic.js';

const at = (file: string, line: number, rule: DiagnosticCode = 'schema'): Diagnostic => ({
  rule,
  severity: 'error',
  message: 'm',
  path: '',
  file,
  line,
  column: 1,
});

describe('diagnostic order', () => {
  it('sorts by file in code-unit order (the same in every locale), then line and rule', () => {
    const sorted = [
      at('b.yaml', 1),
      at('a.yaml', 9),
      at('B.yaml', 2),
      at('a.yaml', 3, 'unknown-key'),
      at('a.yaml', 3),
    ].sort(compareDiagnostics);
    expect(sorted.map((d) => `${d.file}:${d.line}:${d.rule}`)).toEqual([
      'B.yaml:2:schema',
      'a.yaml:3:schema',
      'a.yaml:3:unknown-key',
      'a.yaml:9:schema',
      'b.yaml:1:schema',
    ]);
  });
});
