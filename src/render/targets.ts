import type { Target } from './target.js';

/** Every compile target, in output order. Each target lives in its own folder under src/render/. */
export const targets: Target[] = [];
