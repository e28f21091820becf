// A floor for `--out` that cdk8s (one file) does not pay: `node bench/write-floor.mjs SOURCE DEST` reads every file
// of the folder SOURCE into memory, then creates the same folders and files under DEST (which must not exist) with
// plain mkdirSync + writeFileSync — no lock, no staging, no index — and prints the milliseconds that took. DEST stays
// (bench/build.mjs removes its work folder at the end: see REUSE_WINDOW_MS there).
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [source, dest] = process.argv.slice(2);
const folders = [];
const files = [];
for (const entry of readdirSync(source, { recursive: true }).sort()) {
  const path = join(source, entry);
  if (statSync(path).isDirectory()) folders.push(entry);
  else files.push([entry, readFileSync(path)]);
}
const start = performance.now();
mkdirSync(dest);
for (const folder of folders) mkdirSync(join(dest, folder));
for (const [file, content] of files) writeFileSync(join(dest, file), content);
const ms = performance.now() - start;
process.stdout.write(`${ms}\n`);
