#!/usr/bin/env node
// The bundled CLI (scripts/bundle-cli.mjs): one file to load instead of every module of dist/.
import { main } from '../dist/cli/bundle.js';

await main();
