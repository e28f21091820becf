import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hasErrors } from '../../src/diagnostics/diagnostic.js';
import { build } from '../../src/pipeline.js';
import { targets } from '../../src/render/targets.js';
import { outputFiles } from '../../src/write/files.js';
import { recover, STAGING } from '../../src/write/journal.js';
import { LOCK_FILE } from '../../src/write/lock.js';
import { indexContent } from '../../src/write/plan.js';
import { system } from '../helpers/spec.js';
import { tempDir } from '../helpers/tmp.js';

/** The built CLI, with a time limit for a loaded machine (a build of thousands of services takes a while there). */
const cli = (...args: string[]) => {
  const run = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 300_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
};

const bin = fileURLToPath(new URL('../../bin/hamesh.js', import.meta.url));
const kubernetes = targets.filter((t) => t.name === 'kubernetes');

/** A spec of `count` services; `tag` changes every file the build writes. */
function bigSpec(dir: string, name: string, count: number, tag: string): string {
  const services = Object.fromEntries(
    Array.from({ length: count }, (_, i) => [
      `svc-${i}`,
      { image: `ghcr.io/acme/svc-${i}:${tag}`, replicas: 2, probes: { readiness: '/ready' } },
    ]),
  );
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(system(services)));
  return file;
}

/** Every entry under `dir` with its bytes. */
function snapshot(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .map((entry) => join(entry.parentPath, entry.name))
      .sort()
      .map((path) => [
        path.slice(dir.length + 1),
        statSync(path).isDirectory() ? 'folder' : readFileSync(path, 'utf8'),
      ]),
  );
}

/** What `hamesh build SPEC --target kubernetes --no-verify --out DIR` leaves in an empty DIR, computed in-process. */
async function expectedTree(spec: string): Promise<Map<string, string>> {
  const result = await build(spec, { targets: kubernetes, verify: false });
  if (!result.documents || hasErrors(result.diagnostics)) throw new Error('the spec does not build');
  const files = outputFiles(result.documents);
  const tree = new Map<string, string>([['.hamesh-outputs', indexContent(files)]]);
  for (const file of files) {
    for (let folder = file.path; folder.includes('/'); ) {
      folder = folder.slice(0, folder.lastIndexOf('/'));
      tree.set(folder, 'folder');
    }
    tree.set(file.path, file.content);
  }
  return new Map([...tree].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** How many paths differ between two trees (0: the same files, folders and bytes). */
const differences = (actual: Map<string, string>, expected: Map<string, string>) =>
  new Set([...actual.keys(), ...expected.keys()]).size -
  [...expected].filter(([path, content]) => actual.get(path) === content).length;
const sameTree = (actual: Map<string, string>, expected: Map<string, string>) => differences(actual, expected) === 0;

/** Starts a build and sends `signal` as soon as its switch-over has begun (its journal is written). */
async function interrupt(
  spec: string,
  out: string,
  signal: NodeJS.Signals,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  const child = spawn(process.execPath, [bin, 'build', spec, '--target', 'kubernetes', '--no-verify', '--out', out], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, sig) => resolve({ code, signal: sig })),
  );
  const journal = join(out, STAGING, 'journal.json');
  let running = true;
  void exited.then(() => (running = false));
  while (running && !existsSync(journal)) await new Promise((resolve) => setTimeout(resolve, 1));
  expect(running, 'the build ended before its switch-over could be interrupted').toBe(true);
  child.kill(signal);
  return { ...(await exited), stderr };
}

describe('an interrupted build leaves DIR as the old or the new build (issue 9, item 3)', () => {
  it('SIGTERM and SIGINT roll back; SIGKILL is rolled back by the next run, which leaves no temporary file', async () => {
    const { dir } = tempDir();
    const out = join(dir, 'out');
    const oldSpec = bigSpec(dir, 'old.json', 2000, '1.0');
    // 100 more services: the new build also creates folders, each staged whole and moved into place.
    const newSpec = bigSpec(dir, 'new.json', 2100, '2.0');
    const [oldTree, newTree] = [await expectedTree(oldSpec), await expectedTree(newSpec)];
    expect(cli('build', oldSpec, '--target', 'kubernetes', '--no-verify', '--out', out).code).toBe(0);
    expect(sameTree(snapshot(out), oldTree)).toBe(true);

    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const run = await interrupt(newSpec, out, signal);
      expect(run.code).toBe(signal === 'SIGTERM' ? 143 : 130);
      expect(run.stderr).toBe(`hamesh: interrupted by ${signal}: ${out} is as it was before this build\n`);
      expect(sameTree(snapshot(out), oldTree)).toBe(true);
    }

    const killed = await interrupt(newSpec, out, 'SIGKILL');
    expect(killed.signal).toBe('SIGKILL');
    const check = cli(
      'build',
      oldSpec,
      '--target',
      'kubernetes',
      '--no-verify',
      '--check',
      '--out',
      out,
      '--format',
      'json',
    );
    expect(check.code).toBe(1);
    expect(JSON.parse(check.stdout).diagnostics).toContainEqual(
      expect.objectContaining({
        rule: 'output-interrupted',
        severity: 'error',
        file: join(out, STAGING),
        message: expect.stringMatching(
          /^a build \(pid \d+\) (was interrupted|had finished writing) but left its staging folder: run hamesh build --out again/,
        ),
      }),
    );
    recover(out);
    const recovered = snapshot(out);
    // The killed build's lock stays until the next build finds its owner gone.
    expect(recovered.get(LOCK_FILE)).toMatch(/^\d+\n/);
    recovered.delete(LOCK_FILE);
    expect(differences(recovered, oldTree) === 0 || differences(recovered, newTree) === 0).toBe(true);

    // Kill once more and let the next build clean up on its own.
    await interrupt(newSpec, out, 'SIGKILL');
    const next = cli('build', newSpec, '--target', 'kubernetes', '--no-verify', '--out', out);
    expect(next.code).toBe(0);
    expect(next.stdout).toMatch(/output-recovered/);
    expect(sameTree(snapshot(out), newTree)).toBe(true);
  }, 600_000);
});

describe('concurrent builds into one DIR (issue 9, item 5)', () => {
  it('take turns: every build exits 0 and DIR is exactly one of the two builds', async () => {
    const { dir } = tempDir();
    const out = join(dir, 'out');
    const specs = [bigSpec(dir, 'a.json', 40, 'a'), bigSpec(dir, 'b.json', 60, 'b')];
    const trees = await Promise.all(specs.map(expectedTree));
    const runs = Array.from(
      { length: 6 },
      (_, i) =>
        new Promise<{ code: number | null; stderr: string }>((resolve) => {
          const child = spawn(
            process.execPath,
            [
              bin,
              'build',
              specs[i % 2]!,
              '--target',
              'kubernetes',
              '--no-verify',
              '--out',
              out,
              '--lock-timeout',
              '600',
            ],
            {
              stdio: ['ignore', 'ignore', 'pipe'],
            },
          );
          let stderr = '';
          child.stderr.on('data', (chunk) => (stderr += chunk));
          child.on('exit', (code) => resolve({ code, stderr }));
        }),
    );
    const results = await Promise.all(runs);
    expect(results).toEqual(results.map(() => ({ code: 0, stderr: '' })));
    const final = snapshot(out);
    expect(sameTree(final, trees[0]!) || sameTree(final, trees[1]!)).toBe(true);
  }, 300_000);
});

describe('recover', () => {
  /** A switch-over killed after its first write: `a/x.yaml` replaced (its old version kept), `b/y.yaml` still staged. */
  function killedAfterFirstWrite(version: 2 | undefined, names: [string, string]): string {
    const { dir } = tempDir();
    const staging = join(dir, STAGING);
    mkdirSync(join(dir, 'a'));
    mkdirSync(dirname(join(staging, 'old', names[0])), { recursive: true });
    mkdirSync(dirname(join(staging, 'new', names[1])), { recursive: true });
    writeFileSync(join(staging, 'old', names[0]), 'old x');
    writeFileSync(join(dir, 'a/x.yaml'), 'new x');
    writeFileSync(join(staging, 'new', names[1]), 'new y');
    writeFileSync(
      join(staging, 'journal.json'),
      JSON.stringify({ version, pid: 1, folders: ['b'], writes: ['a/x.yaml', 'b/y.yaml'], removes: [] }),
    );
    return dir;
  }

  it('rolls back a flat staging folder (files named by position) and one of an older build (named by path)', () => {
    for (const dir of [
      killedAfterFirstWrite(2, ['0', '1']),
      killedAfterFirstWrite(undefined, ['a/x.yaml', 'b/y.yaml']),
    ]) {
      recover(dir);
      expect(snapshot(dir)).toEqual(
        new Map([
          ['a', 'folder'],
          ['a/x.yaml', 'old x'],
        ]),
      );
    }
  });

  /**
   * Version 3: new folders `b` and `b/c` staged whole as `new/t0`; `a/x.yaml` replaced after `b` moved into place.
   * `moved`: whether the switch-over got as far as moving `b` (and replacing `a/x.yaml`).
   */
  function killedWithNewFolder(moved: boolean): string {
    const { dir } = tempDir();
    const staging = join(dir, STAGING);
    mkdirSync(join(dir, 'a'));
    const tree = moved ? join(dir, 'b') : join(staging, 'new', 't0');
    mkdirSync(join(tree, 'c'), { recursive: true });
    writeFileSync(join(tree, 'y.yaml'), 'new y');
    writeFileSync(join(tree, 'c', 'z.yaml'), 'new z');
    mkdirSync(join(staging, 'old'), { recursive: true });
    if (moved) {
      writeFileSync(join(staging, 'old', '0'), 'old x');
      writeFileSync(join(dir, 'a/x.yaml'), 'new x');
    } else {
      writeFileSync(join(dir, 'a/x.yaml'), 'old x');
      writeFileSync(join(staging, 'new', '0'), 'new x');
    }
    writeFileSync(
      join(staging, 'journal.json'),
      JSON.stringify({
        version: 3,
        pid: 1,
        folders: ['b', 'b/c'],
        writes: ['a/x.yaml', 'b/c/z.yaml', 'b/y.yaml'],
        removes: [],
      }),
    );
    return dir;
  }

  it('rolls back new folders staged whole, moved into place or not, and keeps what someone else put in them', () => {
    const before = new Map<string, string>([
      ['a', 'folder'],
      ['a/x.yaml', 'old x'],
    ]);
    for (const moved of [false, true]) {
      const dir = killedWithNewFolder(moved);
      recover(dir);
      expect(snapshot(dir)).toEqual(before);
    }
    const dir = killedWithNewFolder(true);
    writeFileSync(join(dir, 'b', 'c', 'notes.txt'), 'mine');
    recover(dir);
    expect(snapshot(dir)).toEqual(new Map([...before, ['b', 'folder'], ['b/c', 'folder'], ['b/c/notes.txt', 'mine']]));
  });
});
