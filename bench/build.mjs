// `npm run bench`: times every stage of `hamesh build` in-process, and the memory it takes, for synthetic
// specs of growing size (default 100, 1000 and 2000 services; or `node bench/build.mjs 500 5000`).
// Numbers only: machines here are shared and noisy, so compare the ratios within one run (per-service cost
// across sizes shows whether a stage stays linear). No test asserts speed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check, lintChecked } from '../dist/pipeline.js';
import { TemplateEngine } from '../dist/render/engine.js';
import { targets } from '../dist/render/targets.js';
import { verify } from '../dist/verify/verify.js';
import { manifestStream, outputFiles } from '../dist/write/files.js';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);

/** A lint-clean system of `count` services: call chains of ten (retries at the head only), a third critical, every tenth with two versions, an event per ten. */
function syntheticSpec(count) {
  const names = Array.from({ length: count }, (_, i) => `svc-${String(i).padStart(5, '0')}`);
  const events = {};
  const services = Object.fromEntries(
    names.map((name, i) => {
      const event = `event-${Math.floor(i / 10)}.created`;
      if (i % 10 === 0) events[event] = { partitions: 6 };
      return [
        name,
        {
          image: `ghcr.io/acme/${name}:1.${i}.0`,
          tier: i % 3 === 0 ? 'critical' : 'standard',
          ...(i % 2 === 0 ? { autoscale: { min: 3, max: 6 } } : { replicas: 3 }),
          resources: { cpu: '250m', memory: '256Mi' },
          probes: { readiness: '/ready', liveness: '/live' },
          timeout: `${20 - (i % 10)}s`,
          retries: i % 10 === 0 ? { attempts: 1, on: ['5xx', 'connect-failure'] } : { attempts: 0 },
          circuitBreaker: { consecutiveErrors: 5, interval: '10s', baseEjectionTime: '30s', maxEjectionPercent: 50 },
          ...(i % 10 === 0 && { versions: { v1: { weight: 90 }, v2: { weight: 10 } } }),
          calls: i % 10 === 9 ? [] : [names[i + 1]],
          ...(i % 10 === 0 ? { publishes: [event] } : i % 10 === 5 ? { subscribes: { [event]: { retry: { attempts: 3, backoff: 'exponential', delay: '1s' }, deadLetter: true } } } : {}),
        },
      ];
    }),
  );
  return {
    apiVersion: 'hamesh.dev/v1',
    kind: 'System',
    metadata: { name: 'bench' },
    zones: ['a', 'b', 'c'],
    broker: { kind: 'kafka', cluster: 'events', brokers: 3 },
    services,
    events,
  };
}

async function timed(fn) {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

async function run(count, dir) {
  const file = join(dir, `system-${count}.json`);
  writeFileSync(file, JSON.stringify(syntheticSpec(count)));
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const stages = {};
  const checked = await timed(() => check(file));
  stages['load+validate+normalise+resolve'] = checked.ms;
  const resolved = checked.value.resolved;
  const lint = await timed(() => lintChecked({ ...checked.value, resolved }));
  stages.lint = lint.ms;
  const selected = targets.filter((t) => t.byDefault(resolved));
  const engine = new TemplateEngine();
  const rendered = await timed(() => selected.flatMap((t) => t.render(resolved, { engine })));
  stages.render = rendered.ms;
  const verified = await timed(() => verify(rendered.value, resolved));
  if (verified.value.length > 0) throw new Error(`bench spec does not verify: ${verified.value[0].message}`);
  stages.verify = verified.ms;
  stages['write (stream)'] = (await timed(() => manifestStream(rendered.value))).ms;
  stages['write (--out files)'] = (await timed(() => outputFiles(rendered.value))).ms;
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  const total = Object.values(stages).reduce((a, b) => a + b, 0);
  return { count, objects: rendered.value.length, findings: lint.value.length, stages, total, heapMb };
}

const dir = mkdtempSync(join(tmpdir(), 'hamesh-bench-'));
try {
  // A warm-up round compiles templates and loads validators, as the first build of a process does.
  const warmup = await run(100, dir);
  console.log(`cold first build (100 services, includes loading templates and schemas): ${warmup.total.toFixed(0)} ms\n`);
  const results = [];
  for (const count of sizes.length > 0 ? sizes : [100, 1000, 2000]) results.push(await run(count, dir));
  const stageNames = Object.keys(results[0].stages);
  const header = ['stage (ms)', ...results.map((r) => `${r.count} svc`), ...results.map((r) => `µs/svc @${r.count}`)];
  const rows = stageNames.map((stage) => [
    stage,
    ...results.map((r) => r.stages[stage].toFixed(0)),
    ...results.map((r) => ((r.stages[stage] * 1000) / r.count).toFixed(0)),
  ]);
  rows.push(['total', ...results.map((r) => r.total.toFixed(0)), ...results.map((r) => ((r.total * 1000) / r.count).toFixed(0))]);
  rows.push(['objects', ...results.map((r) => String(r.objects)), ...results.map(() => '')]);
  rows.push(['heap growth (MiB)', ...results.map((r) => r.heapMb.toFixed(0)), ...results.map(() => '')]);
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => row[i].length)));
  for (const row of [header, ...rows]) console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '));
  console.log(`\npeak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB; lint findings at ${results.at(-1).count}: ${results.at(-1).findings}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
