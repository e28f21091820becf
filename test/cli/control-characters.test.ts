import { describe, expect, it } from 'vitest';
import { formatText } from '../../src/cli/report.js';
import { runCli } from '../helpers/cli.js';
import { specFile, system } from '../helpers/spec.js';
import pc from 'picocolors';

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const raw = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe('control characters from the input are escaped in text output (issue 9, item 13)', () => {
  it('a key holding terminal escapes cannot erase the error line or fake "valid"', () => {
    const evil = '\u001b[2K\r\u001b[1Aspec.json: valid\u202e\u0085';
    const file = specFile(system({ api: { image: 'a:1', [evil]: 1 } }));
    const run = runCli(['validate', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).not.toMatch(raw);
    expect(run.stdout).toContain('\\x1b[2K\\x0d\\x1b[1Aspec.json: valid\\u202e\\x85');
  });

  it('every field of a text diagnostic is escaped', () => {
    const text = formatText(
      [
        {
          rule: 'schema',
          severity: 'error',
          message: 'bad \u0007 value',
          path: '/a\u001b',
          file: 'f\u2066.yaml',
          line: 1,
          column: 2,
        },
      ],
      pc.createColors(false),
    );
    expect(text).not.toMatch(raw);
    expect(text).toContain('f\\u2066.yaml:1:2');
    expect(text).toContain('/a\\x1b bad \\x07 value');
  });
});
