// Shared by scripts/gen-validators.mjs and scripts/bundle-cli.mjs.
/**
 * ajv's standalone ESM output still `require`s its runtime helpers (ucs2length, deep equal, formats), so each
 * generated validator module starts with this header to give it a require. The CLI's bundle drops the header, so
 * that esbuild bundles those CommonJS files instead of Node.js resolving and reading them on every run (with
 * Handlebars' runtime, ~38 ms in a bare process).
 */
export const requireHeader =
  "import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);";
