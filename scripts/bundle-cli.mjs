// Build step (`npm run build` runs it after tsc): bundles the CLI (dist/cli/main.js and every hamesh module it
// imports, statically or lazily) into dist/cli/bundle.js, which bin/hamesh.js loads. One file instead of ~150 ES
// modules to resolve, read and link on every run; npm packages stay external (loaded from node_modules, as
// before). The bundle sits beside main.js, so its `new URL('../../…', import.meta.url)` paths (templates,
// schemas, package.json) resolve as they did; dist/ keeps the unbundled modules for the library entry
// (dist/index.js) and the spec-loading worker (dist/load/module-worker.js).
import { build } from 'esbuild';

await build({
  entryPoints: [new URL('../dist/cli/main.js', import.meta.url).pathname],
  outfile: new URL('../dist/cli/bundle.js', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
