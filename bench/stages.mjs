// Per-stage times of `hamesh build --target kubernetes` in one process, for one generated spec.
// Usage: node --expose-gc bench/stages.mjs SPEC.json WORK   (prints one JSON line; run by bench/build.mjs)
// WORK: a folder that does not exist, for the outputs; it stays (see REUSE_WINDOW_MS in bench/build.mjs).
// The first build of the process (100 services) warms up templates and validators, as any build loads them once.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, lintAnalysis } from '../dist/pipeline.js';
import { TemplateEngine } from '../dist/render/engine.js';
import { targets } from '../dist/render/targets.js';
import { verify } from '../dist/verify/verify.js';
import { manifestStream, outputFiles } from '../dist/write/files.js';
import { writeOutDir } from '../dist/write/out-dir.js';
import { syntheticSpec } from './spec.mjs';

const kubernetes = targets.filter((t) => t.name === 'kubernetes');

async function timed(fn) {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

async function run(file, out) {
  globalThis.gc?.();
  const stages = {};
  const analysis = await timed(() => analyze(file));
  stages['load+validate+normalize+resolve'] = analysis.ms;
  const resolved = analysis.value.resolved;
  const lint = await timed(() => lintAnalysis({ ...analysis.value, resolved }));
  stages.lint = lint.ms;
  const engine = new TemplateEngine();
  const rendered = await timed(() => kubernetes.flatMap((t) => t.render(resolved, { engine })));
  stages.render = rendered.ms;
  const verified = await timed(() => verify(rendered.value));
  if (verified.value.length > 0) throw new Error(`bench spec does not verify: ${verified.value[0].message}`);
  stages.verify = verified.ms;
  // outputFiles makes each file's YAML when the writer reads it: dump and write are one stage.
  let files;
  stages['YAML dump + write --out folder'] = (
    await timed(() => {
      files = outputFiles(rendered.value);
      return writeOutDir(out, files, { lockTimeoutMs: 60_000 });
    })
  ).ms;
  stages['YAML dump (stdout stream)'] = (await timed(() => manifestStream(rendered.value))).ms;
  const floor = await timed(() => rendered.value.map((d) => JSON.stringify(d.value)).join('\n'));
  const bytes = files.reduce((sum, f) => sum + Buffer.byteLength(f.content), 0);
  return {
    stages,
    objects: rendered.value.length,
    files: files.length,
    bytes,
    stringifyMs: floor.ms,
    stringifyBytes: floor.value.length,
  };
}

const [spec, dir] = process.argv.slice(2);
mkdirSync(dir);
const warm = join(dir, 'warm.json');
writeFileSync(warm, JSON.stringify(syntheticSpec(100)));
await run(warm, join(dir, 'warm-out'));
console.log(JSON.stringify(await run(spec, join(dir, 'out'))));
