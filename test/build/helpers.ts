import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { hasErrors } from '../../src/diagnostics/diagnostic.js';
import { check } from '../../src/pipeline.js';
import { TemplateEngine } from '../../src/render/engine.js';
import { istioTarget } from '../../src/render/istio/target.js';
import { namespaceTarget } from '../../src/render/kubernetes/namespace.js';
import { kubernetesTarget } from '../../src/render/kubernetes/target.js';
import type { RenderedDocument } from '../../src/render/target.js';
import { verify } from '../../src/verify/verify.js';
import { runCli } from '../helpers/cli.js';


/** A temporary folder, removed when the calling test finishes. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hamesh-build-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Writes `spec` (the System's shape) as a JSON spec file and returns its path. */
export function specFile(spec: object, dir = tempDir()): string {
  const file = join(dir, 'system.json');
  writeFileSync(file, JSON.stringify(spec));
  return file;
}

export function system(services: Record<string, object>, extra: object = {}): object {
  return { apiVersion: 'hamesh.dev/v1', kind: 'System', metadata: { name: 'demo' }, services, ...extra };
}

/**
 * check → render (namespace, kubernetes, istio) → verify, in-process; fails the test on any validation or
 * verification error. Lint is left out: these tests are about what the compiler emits for a valid spec.
 */
export async function documentsOf(spec: object, engine = new TemplateEngine()): Promise<RenderedDocument[]> {
  const { diagnostics, resolved } = await check(specFile(spec));
  if (!resolved || hasErrors(diagnostics)) throw new Error(JSON.stringify(diagnostics, null, 2));
  const documents = [namespaceTarget, kubernetesTarget, istioTarget].flatMap((t) => t.render(resolved, { engine }));
  const problems = await verify(documents, resolved);
  if (problems.length > 0) throw new Error(JSON.stringify(problems, null, 2));
  return documents;
}

export function find(documents: readonly RenderedDocument[], kind: string, name: string): Record<string, any> {
  const found = documents.find((d) => d.value.kind === kind && (d.value.metadata as { name: string }).name === name);
  if (!found) throw new Error(`no ${kind} ${name}`);
  return found.value;
}

/** The built CLI as a process (see runCli), with the exit code as `status`. */
export function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const { code, stdout, stderr } = runCli(args);
  return { status: code, stdout, stderr };
}
