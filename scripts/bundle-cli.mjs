// Build step (`npm run build` runs it after tsc): bundles the CLI (dist/cli/main.js and every hamesh module it
// imports) into dist/bundle/, which bin/hamesh.js loads: a few files instead of ~150 ES modules to resolve, read
// and link on every run. Each command's code is its own chunk, loaded when the command runs (with the npm
// packages it imports, which stay external), so `hamesh --version` loads none of them. dist/bundle/ is as deep
// as dist/cli/, so `new URL('../../…', import.meta.url)` paths (templates, schemas, package.json) resolve as
// before; dist/ keeps the unbundled modules for the library entry (dist/index.js) and the spec-loading worker.
import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';
import { requireHeader } from './generated-require.mjs';

/**
 * commander requires node:child_process when it loads, for executable subcommands (`git-style`), which hamesh has
 * none of; with the net and dgram modules it pulls in, that cost ~8 ms of every run, `hamesh --version` included.
 * Bundled, its one use (`spawn`) requires the module when called. The build fails if commander's source changes
 * so that the line is not there, rather than silently bundling the eager require.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(bundle) {
    bundle.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, ({ path }) => {
      const eager = "const childProcess = require('node:child_process');";
      const source = readFileSync(path, 'utf8');
      if (!source.includes(eager)) throw new Error(`${path}: expected \`${eager}\` (see scripts/bundle-cli.mjs)`);
      const lazy = "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };";
      return { contents: source.replace(eager, lazy), loader: 'js' };
    });
  },
};

/** The generated validators without their require header, so their `require`s are bundled (see generated-require.mjs). */
const bundledValidatorRequires = {
  name: 'bundled-validator-requires',
  setup(bundle) {
    bundle.onLoad({ filter: /[\\/]dist[\\/]generated[\\/][^\\/]*-validators?\.js$/ }, ({ path }) => {
      const source = readFileSync(path, 'utf8');
      if (!source.includes(requireHeader))
        throw new Error(`${path}: expected the require header of gen-validators.mjs`);
      return { contents: source.replace(requireHeader, ''), loader: 'js' };
    });
  },
};

const outdir = new URL('../dist/bundle/', import.meta.url).pathname;
// Chunks are named by content hash: a fresh folder, so no chunk of an earlier build lingers.
rmSync(outdir, { recursive: true, force: true });

await build({
  entryPoints: {
    main: new URL('../dist/cli/main.js', import.meta.url).pathname,
    prewarm: new URL('../dist/cli/prewarm.js', import.meta.url).pathname,
  },
  outdir,
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // npm packages are bundled too, except those that load native code or are loaded only by one rare path: each
  // kubernetes-models kind is ~30 CommonJS files (1,836 schema files in all), and resolving, reading and compiling the
  // ~270 package files a Kubernetes build loaded cost ~250 ms of every build (a 100-service build took ~750 ms).
  external: ['esbuild', 'oxc-transform', 'typescript'],
  // ES module builds first: jsonc-parser's CommonJS build is UMD, whose relative requires esbuild cannot follow.
  mainFields: ['module', 'main'],
  // Bundled CommonJS code that requires a Node.js built-in (ajv-formats-draft2019 requires punycode) needs `require`.
  banner: {
    js: "import { createRequire as __hameshRequire } from 'node:module'; const require = __hameshRequire(import.meta.url);",
  },
  // Less source for V8 to read and pre-parse on every run (5.0 → 3.7 MB in all; a 100-service build ~6% faster,
  // a 1,000-service one ~2.5%). Names stay: identifiers are not minified.
  minifyWhitespace: true,
  minifySyntax: true,
  plugins: [lazyChildProcess, bundledValidatorRequires],
  logLevel: 'warning',
});
