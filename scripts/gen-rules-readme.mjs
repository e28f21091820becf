// Regenerates the rule list in README.md (between <!-- rules:start --> and <!-- rules:end -->) and the pages
// docs/rules/<id>.md from each rule's meta. `npm run docs:rules` builds, then rewrites them (from dist/, the compiled
// rules); test/lint/registry.test.ts fails when they drift.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const readmeUrl = new URL('../README.md', import.meta.url);
const pagesUrl = new URL('../docs/rules/', import.meta.url);
const { withRulesSection, rulePages } = await import('../dist/lint/docs.js');
const readme = readFileSync(readmeUrl, 'utf8');
const updated = withRulesSection(readme);
if (updated !== readme) writeFileSync(readmeUrl, updated);
console.log(updated === readme ? 'README.md rules section is up to date' : 'README.md rules section regenerated');

mkdirSync(pagesUrl, { recursive: true });
const pages = rulePages();
for (const name of readdirSync(pagesUrl)) if (!pages.some((p) => p.file === name)) rmSync(new URL(name, pagesUrl));
for (const { file, content } of pages) writeFileSync(new URL(file, pagesUrl), content);
console.log(`docs/rules: ${pages.length} pages`);
