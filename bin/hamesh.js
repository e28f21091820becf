#!/usr/bin/env node
// The bundled CLI (scripts/bundle-cli.mjs): a few files to load instead of every module of dist/. A TS/JS spec's
// loader thread starts first (src/cli/prewarm.ts), so that it boots while the CLI's code loads.
import { prewarm } from '../dist/bundle/prewarm.js';

await prewarm(process.argv);
const { main } = await import('../dist/bundle/main.js');
await main();
