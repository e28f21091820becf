// `npm run bench`: hamesh against its peer, a cdk8s 2.70 + cdk8s-plus app (bench/cdk8s-app.mjs), on the same
// generated specs of 100, 1,000 and 10,000 services (or `node bench/build.mjs 500 5000`), in one invocation
// (`node bench/build.mjs lint-findings` runs only the lint-with-findings case).
// Both build the Kubernetes objects of every service into an output folder, as fresh processes, alternating,
// and the ratios are medians of the per-round ratios: machines here are shared and noisy, so compare ratios
// within one run, never absolute times across runs. Also: hamesh's per-stage times (bench/stages.mjs), peak
// RSS, bytes and objects, the floors (`node -e 0`, JSON.stringify of the same objects), start-up commands and a
// `.ts` spec against the same spec in YAML. No test asserts speed; bench/RESULTS.md records runs.
// Rounds: HAMESH_BENCH_ROUNDS (default 5; the 10,000-service size runs 3 rounds, each takes seconds).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dump } from 'js-yaml';
import { envoyClusters } from './envoy-clusters.mjs';
import { asTypeScript, syntheticSpec } from './spec.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const hamesh = join(root, 'bin/hamesh.js');
const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const rounds = Number(process.env.HAMESH_BENCH_ROUNDS ?? 5);
const dir = mkdtempSync(join(tmpdir(), 'hamesh-bench-'));

/** Runs `node ...args` to completion: wall ms (spawn to exit) and peak RSS in MiB. `codes`: the exit codes that are not a failure. */
function node(args, { stdout = 'ignore', codes = [0] } = {}) {
  const rssFile = join(dir, 'rss');
  rmSync(rssFile, { force: true });
  const start = performance.now();
  const result = spawnSync(process.execPath, ['--import', join(root, 'bench/rss.mjs'), ...args], {
    cwd: root,
    stdio: ['ignore', stdout, 'pipe'],
    env: { ...process.env, HAMESH_BENCH_RSS: rssFile, NO_COLOR: '1' },
    maxBuffer: 1 << 30,
  });
  const ms = performance.now() - start;
  if (!codes.includes(result.status))
    throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return { ms, rssMiB: Number(readFileSync(rssFile, 'utf8')) / 1024, stdout: result.stdout };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const fmt = (n, digits = 0) => n.toFixed(digits);
/** A ratio against its target, with three digits: one printed as the target but missed shows by how much. */
const verdict = (r, target) => `${fmt(r, 3)}× (target ≤ ${target}×: ${r <= target ? 'met' : 'MISSED'})`;

function folderSize(folder) {
  let bytes = 0;
  let objects = 0;
  let files = 0;
  let folders = 0;
  for (const entry of readdirSync(folder, { recursive: true })) {
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) folders++;
    else files++;
    if (!statSync(path).isFile() || !/\.ya?ml$/.test(path)) continue;
    const text = readFileSync(path, 'utf8');
    bytes += Buffer.byteLength(text);
    objects += text.split(/^kind: /m).length - 1;
  }
  return { bytes, objects, files, folders };
}

/** Lets the file system finish writing back what the last runs wrote, so no timed run pays for it. */
const settle = () => spawnSync('sync');

/**
 * Nothing the bench writes is removed before its last measurement (the whole work folder goes at the end), and the
 * first measurement waits, after a `sync`, for the inodes that whatever ran before freed (a test run removes
 * thousands of files) to leave ext4's reuse window. On an ext4 without a journal (this VM's), the kernel avoids
 * reusing an inode freed less than 60 s ago, or 360 s ago while its inode table block has unwritten changes (which
 * creating a file beside it makes), and each new inode's allocation steps over every such free inode of its group,
 * reading its inode table block (`recently_deleted` in fs/ext4/ialloc.c; `perf` put half of a burst of 10,000
 * mkdirs there). After a mass removal, creating files and folders is then quadratic for minutes: 10,000 folders,
 * each with a file, took 0.5 s on a rested file system and 2–9 s in the minutes after repeated removals of as many.
 * Removing each size's outputs made the next size's hamesh runs (20,000 new inodes at 10,000 services) pay for it,
 * not cdk8s's (one file). The wait covers the 60 s; after a larger removal (a full `npm test`), start the bench some
 * minutes later.
 */
const REUSE_WINDOW_MS = 61_000;

/**
 * `rounds` alternating rounds of the contestants (the order rotates each round); each run writes a folder that did
 * not exist, and starts once the file system has written back what the runs before it wrote (`sync`): creating
 * the same 1,002 files and folders took 56 ms after a `sync` and 260–310 ms after a build had just written them.
 * Nothing is removed (see REUSE_WINDOW_MS). `outputs[name]`: the contestant's folder of the last round.
 */
function race(contestants, count) {
  const times = Object.fromEntries(contestants.map((c) => [c.name, []]));
  const rss = Object.fromEntries(contestants.map((c) => [c.name, []]));
  for (let round = 0; round < count; round++) {
    for (let i = 0; i < contestants.length; i++) {
      const contestant = contestants[(i + round) % contestants.length];
      const out = join(dir, `out-${contestant.name}-${round}`);
      settle();
      const run = node(contestant.args(out), { codes: contestant.codes });
      times[contestant.name].push(run.ms);
      rss[contestant.name].push(run.rssMiB);
    }
  }
  const outputs = Object.fromEntries(contestants.map((c) => [c.name, join(dir, `out-${c.name}-${count - 1}`)]));
  return { times, rss, outputs };
}

/** Median over rounds of a/b, each round's pair measured side by side. */
const ratio = (times, a, b) => median(times[a].map((t, i) => t / times[b][i]));

/**
 * Locating findings must stay linear: `hamesh lint` of a YAML spec with one finding per service (no readiness probe,
 * a warning) against the same spec lint-clean, alternating rounds (target: within 1.5× of the clean lint).
 */
function lintWithFindings(size) {
  const clean = syntheticSpec(size);
  const noisy = structuredClone(clean);
  for (const service of Object.values(noisy.services)) delete service.probes.readiness;
  const files = { clean: join(dir, `lint-clean-${size}.yaml`), findings: join(dir, `lint-findings-${size}.yaml`) };
  writeFileSync(files.clean, dump(clean, { lineWidth: -1 }));
  writeFileSync(files.findings, dump(noisy, { lineWidth: -1 }));
  const n = Math.min(rounds, 3);
  const { times } = race(
    // Exit 1: the findings (the clean spec may still have some).
    Object.entries(files).map(([name, file]) => ({
      name,
      args: () => [hamesh, 'lint', file, '--format', 'json'],
      codes: [0, 1],
    })),
    n,
  );
  const r = ratio(times, 'findings', 'clean');
  console.log(`## lint with one finding per service, ${size.toLocaleString('en')} services (${n} rounds)`);
  console.log(
    `clean ${fmt(median(times.clean))} ms · ${size.toLocaleString('en')} findings ${fmt(median(times.findings))} ms · ratio ${verdict(r, 1.5)}\n`,
  );
}

/** The Envoy clusters all proxies carry with and without Sidecar egress scoping (bench/envoy-clusters.mjs). */
async function sidecarScoping(size) {
  const file = join(dir, `system-scoping-${size}.json`);
  writeFileSync(file, JSON.stringify(syntheticSpec(size)));
  const { services, unscoped, scoped } = await envoyClusters(file);
  console.log(`## Sidecar egress scoping, ${services.toLocaleString('en')} services`);
  console.log(
    `Envoy clusters over all proxies (hosts in scope): without ${unscoped.toLocaleString('en')} (N×N) · with ${scoped.toLocaleString('en')} (N×degree) · ${fmt(unscoped / scoped, 0)}× fewer\n`,
  );
}

// `node bench/build.mjs lint-findings [SIZE]` (after `npm run build`): only that case, at 20,000 services unless SIZE.
if (process.argv[2] === 'lint-findings') {
  try {
    lintWithFindings(sizes[0] ?? 20000);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.exit(0);
}

console.log(
  `hamesh bench — ${new Date().toISOString()}, node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? '?'}`,
);
console.log(`(shared machine: compare the ratios within this run; medians of alternating rounds)\n`);
/** The load average when a measurement starts: on a shared machine it says how much the absolute times mean. */
const load = () =>
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')}`;
console.log(`${load()}\n`);
try {
  settle();
  await new Promise((resolve) => setTimeout(resolve, REUSE_WINDOW_MS));
  const floor = Array.from({ length: 5 }, () => node(['-e', '0']).ms);
  const version = Array.from({ length: 5 }, () => node([hamesh, '--version']).ms);
  const validate = Array.from({ length: 5 }, () => node([hamesh, 'validate', 'examples/shop/system.yaml']).ms);
  console.log(
    `start-up (median of 5; ${load()}): node -e 0 ${fmt(median(floor))} ms · hamesh --version ${fmt(median(version))} ms (target ≤ 120) · hamesh validate examples/shop/system.yaml ${fmt(median(validate))} ms (target ≤ 250)\n`,
  );

  const targets = { 100: 1.0, 1000: 0.5, 10000: 0.35 };
  for (const size of sizes.length > 0 ? sizes : [100, 1000, 10000]) {
    const spec = syntheticSpec(size);
    const json = join(dir, `system-${size}.json`);
    const yaml = join(dir, `system-${size}.yaml`);
    writeFileSync(json, JSON.stringify(spec));
    writeFileSync(yaml, dump(spec, { lineWidth: -1 }));
    const contestants = [
      { name: 'hamesh', args: (out) => [hamesh, 'build', yaml, '--target', 'kubernetes', '--out', out] },
      { name: 'cdk8s', args: (out) => [join(root, 'bench/cdk8s-app.mjs'), json, out] },
    ];
    if (size === 1000) {
      const ts = join(dir, `system-${size}.ts`);
      writeFileSync(ts, asTypeScript(spec));
      contestants.push({
        name: 'hamesh .ts',
        args: (out) => [hamesh, 'build', ts, '--target', 'kubernetes', '--out', out],
      });
    }
    const n = size >= 10000 ? Math.min(rounds, 3) : rounds;
    const { times, rss, outputs } = race(contestants, n);
    const ours = folderSize(outputs.hamesh);
    const theirs = folderSize(outputs.cdk8s);
    settle();
    const writeFloor = Number(
      node([join(root, 'bench/write-floor.mjs'), outputs.hamesh, join(dir, `floor-${size}`)], { stdout: 'pipe' })
        .stdout,
    );
    const stdout = node([hamesh, 'build', yaml, '--target', 'kubernetes']);
    const stages = JSON.parse(
      node(['--expose-gc', join(root, 'bench/stages.mjs'), json, join(dir, `stages-${size}`)], {
        stdout: 'pipe',
      }).stdout.toString(),
    );

    const target = targets[size];
    const r = ratio(times, 'hamesh', 'cdk8s');
    console.log(`## ${size.toLocaleString('en')} services (${n} rounds; at the end, ${load()})`);
    console.log(
      `hamesh build --target kubernetes --out: ${fmt(median(times.hamesh))} ms, peak RSS ${fmt(median(rss.hamesh))} MiB, ${ours.objects} objects, ${fmt(ours.bytes / 1024)} KiB`,
    );
    console.log(
      `cdk8s 2.70 + cdk8s-plus-34 synth:      ${fmt(median(times.cdk8s))} ms, peak RSS ${fmt(median(rss.cdk8s))} MiB, ${theirs.objects} objects, ${fmt(theirs.bytes / 1024)} KiB`,
    );
    console.log(`ratio hamesh/cdk8s: ${target ? verdict(r, target) : `${fmt(r, 3)}×`}`);
    if (times['hamesh .ts']) {
      const tr = ratio(times, 'hamesh .ts', 'hamesh');
      console.log(
        `.ts spec: ${fmt(median(times['hamesh .ts']))} ms, peak RSS ${fmt(median(rss['hamesh .ts']))} MiB; ratio .ts/.yaml ${verdict(tr, 1.15)}`,
      );
    }
    console.log(
      `hamesh build to stdout: ${fmt(stdout.ms)} ms, peak RSS ${fmt(stdout.rssMiB)} MiB${size === 10000 ? ' (target ≤ 300 MiB with --out and on stdout)' : ''}`,
    );
    console.log(
      `floors: node -e 0 ${fmt(median(floor))} ms; JSON.stringify of the same ${stages.objects} objects ${fmt(stages.stringifyMs)} ms (${fmt(stages.stringifyBytes / 1024)} KiB); creating the same ${ours.files} files and ${ours.folders} folders with mkdirSync + writeFileSync ${fmt(writeFloor)} ms (cdk8s writes ${theirs.files} file)`,
    );
    console.log('hamesh stages in one process (ms, after a warm-up build):');
    for (const [stage, ms] of Object.entries(stages.stages))
      console.log(`  ${stage.padEnd(34)} ${fmt(ms).padStart(6)}   ${fmt((ms * 1000) / size).padStart(5)} µs/service`);
    console.log('');
  }
  lintWithFindings(20000);
  await sidecarScoping(1000);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
