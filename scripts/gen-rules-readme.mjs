// Regenerates the rule list in README.md (between <!-- rules:start --> and <!-- rules:end -->) from each
// rule's meta in src/lint/rules/. `npm run docs:rules` rewrites it; test/lint/registry.test.ts fails when it drifts.
import { readFileSync, writeFileSync } from 'node:fs';
import { createJiti } from 'jiti';

const readmeUrl = new URL('../README.md', import.meta.url);
const { withRulesSection } = await createJiti(import.meta.url).import('../src/lint/docs.ts');
const readme = readFileSync(readmeUrl, 'utf8');
const updated = withRulesSection(readme);
if (updated !== readme) writeFileSync(readmeUrl, updated);
console.log(updated === readme ? 'README.md rules section is up to date' : 'README.md rules section regenerated');
