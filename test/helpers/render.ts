import { hasErrors } from '../../src/diagnostics/diagnostic.js';
import { analyze } from '../../src/pipeline.js';
import { TemplateEngine } from '../../src/render/engine.js';
import { istioTarget } from '../../src/render/istio/target.js';
import { namespaceTarget } from '../../src/render/kubernetes/namespace.js';
import { kubernetesTarget } from '../../src/render/kubernetes/target.js';
import type { RenderedDocument, Target } from '../../src/render/target.js';
import { targets } from '../../src/render/targets.js';
import type { ResolvedSystem } from '../../src/resolve/resolve.js';
import { verify } from '../../src/verify/verify.js';
import { specFile } from './spec.js';

/**
 * analyze → render (namespace, kubernetes, istio) → verify, in-process, of a spec object or a spec file already written; fails the test on any validation or
 * verification error. Lint is left out: these tests are about what the compiler emits for a valid spec.
 */
export async function documentsOf(spec: object | string, engine = new TemplateEngine()): Promise<RenderedDocument[]> {
  const { diagnostics, resolved } = await analyze(typeof spec === 'string' ? spec : specFile(spec));
  if (!resolved || hasErrors(diagnostics)) throw new Error(JSON.stringify(diagnostics, null, 2));
  const documents = [namespaceTarget, kubernetesTarget, istioTarget].flatMap((t) => t.render(resolved, { engine }));
  const problems = await verify(documents);
  if (problems.length > 0) throw new Error(JSON.stringify(problems, null, 2));
  return documents;
}

export function find(documents: readonly RenderedDocument[], kind: string, name: string): Record<string, any> {
  const found = documents.find((d) => d.value.kind === kind && (d.value.metadata as { name: string }).name === name);
  if (!found) throw new Error(`no ${kind} ${name}`);
  return found.value;
}

export const target = (name: string): Target => targets.find((t) => t.name === name)!;

/** One target's documents for a resolved system, with the bundled templates. */
export const render = (resolved: ResolvedSystem, name: string) =>
  target(name).render(resolved, { engine: new TemplateEngine() });
