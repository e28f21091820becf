import { existsSync, readFileSync } from 'node:fs';
import type { InitializeHook, LoadHook, ResolveHook } from 'node:module';
import { fileURLToPath } from 'node:url';
import { transformModule } from './transform.js';
import { isTypeScript } from './extensions.js';

/**
 * Module customization hooks (node:module `register`) for the worker that runs a spec module (module-worker.ts):
 * `hamesh` resolves to our own DSL entry, so specs outside this package can import it, and TypeScript modules are
 * loaded through transform.ts. Relative imports may be written as TypeScript allows (`./services.js` for
 * services.ts, or without an extension).
 */
let hamesh: string;

export const initialize: InitializeHook<{ hamesh: string }> = (data) => {
  hamesh = data.hamesh;
};

/** The TypeScript files a relative import may mean when the file it names does not exist. */
function typescriptCandidates(url: URL): URL[] {
  const path = url.pathname;
  const swapped = path.replace(/\.([cm]?)js$/, '.$1ts');
  const bare = /\.[cm]?[jt]s$/.test(path) ? [] : ['.ts', '.mts', '.js', '.mjs', '/index.ts', '/index.js'];
  return [...(swapped === path ? [] : [swapped]), ...bare.map((extension) => path + extension)].map(
    (candidate) => new URL(candidate, url),
  );
}

export const resolve: ResolveHook = async (specifier, context, next) => {
  if (specifier === 'hamesh') return { url: hamesh, shortCircuit: true };
  if (/^\.\.?\//.test(specifier) && context.parentURL?.startsWith('file:')) {
    const named = new URL(specifier, context.parentURL);
    if (!existsSync(fileURLToPath(named))) {
      const found = typescriptCandidates(named).find((candidate) => existsSync(fileURLToPath(candidate)));
      if (found) return { url: found.href, shortCircuit: true };
    }
  }
  return next(specifier, context);
};

export const load: LoadHook = async (url, context, next) => {
  if (!url.startsWith('file:') || !isTypeScript(new URL(url).pathname)) return next(url, context);
  const file = fileURLToPath(url);
  return { format: 'module', source: transformModule(file, readFileSync(file, 'utf8')), shortCircuit: true };
};
