#!/usr/bin/env node
// The bundled CLI (scripts/bundle-cli.mjs): a few files to load instead of every module of dist/.
import { main } from '../dist/bundle/main.js';

await main();
