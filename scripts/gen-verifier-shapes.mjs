// Build step after tsc: learns, once, the shape (declared fields at every depth) of every kind whose verifier
// comes from an upstream validator (src/verify/strict-model.ts), so no build pays for it (the Deployment alone
// takes about a second). Writes generated/verifier-shapes.json under src/ (git-ignored; for tests) and dist/.
import { mkdirSync, writeFileSync } from 'node:fs';

const { verifiers } = await import(new URL('../dist/verify/verifiers.js', import.meta.url).href);
const shapes = {};
for (const entry of verifiers) if (entry.shape) shapes[`${entry.apiVersion}/${entry.kind}`] = await entry.shape();
for (const folder of ['src/generated/', 'dist/generated/']) {
  mkdirSync(new URL(`../${folder}`, import.meta.url), { recursive: true });
  writeFileSync(new URL(`../${folder}verifier-shapes.json`, import.meta.url), `${JSON.stringify(shapes)}\n`);
}
