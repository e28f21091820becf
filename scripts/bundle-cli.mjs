// Build step (`npm run build` runs it after tsc): bundles the CLI (dist/cli/main.js and every hamesh module it
// imports) into dist/bundle/, which bin/hamesh.js loads: a few files instead of ~150 ES modules to resolve, read
// and link on every run. Each command's code is its own chunk, loaded when the command runs (with the npm
// packages it imports, which stay external), so `hamesh --version` loads none of them. dist/bundle/ is as deep
// as dist/cli/, so `new URL('../../…', import.meta.url)` paths (templates, schemas, package.json) resolve as
// before; dist/ keeps the unbundled modules for the library entry (dist/index.js) and the spec-loading worker.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const outdir = new URL('../dist/bundle/', import.meta.url).pathname;
// Chunks are named by content hash: a fresh folder, so no chunk of an earlier build lingers.
rmSync(outdir, { recursive: true, force: true });

await build({
  entryPoints: { main: new URL('../dist/cli/main.js', import.meta.url).pathname },
  outdir,
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
