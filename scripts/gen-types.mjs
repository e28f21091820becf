// Generates src/spec/schema.generated.ts from schemas/system.schema.json, the single source of truth
// for the spec's shape. `npm run gen:types` rewrites it; `--check` fails when the committed file drifted.
import { readFileSync, writeFileSync } from 'node:fs';
import { compile } from 'json-schema-to-typescript';

const schemaUrl = new URL('../schemas/system.schema.json', import.meta.url);
const outUrl = new URL('../src/spec/schema.generated.ts', import.meta.url);

export async function generateTypes() {
  const schema = JSON.parse(readFileSync(schemaUrl, 'utf8'));
  const body = await compile(schema, 'System', {
    bannerComment: '/* Generated from schemas/system.schema.json by `npm run gen:types`. Do not edit. */',
    additionalProperties: false,
    unreachableDefinitions: true,
    format: true,
    style: { singleQuote: true },
  });
  return body;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const text = await generateTypes();
  if (process.argv.includes('--check')) {
    if (readFileSync(outUrl, 'utf8') !== text) {
      console.error('src/spec/schema.generated.ts is out of date: run `npm run gen:types`.');
      process.exit(1);
    }
  } else {
    writeFileSync(outUrl, text);
  }
}
