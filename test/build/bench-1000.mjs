// Times `hamesh build` stages in-process for a spec of 1,000 services (run `npm run build` first):
//   node test/build/bench-1000.mjs [services]
// Prints numbers only; no test asserts speed.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check } from '../../dist/pipeline.js';
import { TemplateEngine } from '../../dist/render/engine.js';
import { istioTarget } from '../../dist/render/istio/target.js';
import { namespaceTarget } from '../../dist/render/kubernetes/namespace.js';
import { kubernetesTarget } from '../../dist/render/kubernetes/target.js';
import { verify } from '../../dist/verify/verify.js';
import { manifestStream, outputFiles } from '../../dist/write/files.js';

const count = Number(process.argv[2] ?? 1000);
const names = Array.from({ length: count }, (_, i) => `svc-${String(i).padStart(4, '0')}`);
const services = Object.fromEntries(
  names.map((name, i) => [
    name,
    {
      image: `ghcr.io/acme/${name}:1.${i}.0`,
      tier: i % 3 === 0 ? 'critical' : 'standard',
      ...(i % 2 === 0 ? { autoscale: { min: 3, max: 10 } } : { replicas: 3 }),
      resources: { cpu: '250m', memory: '256Mi' },
      probes: { readiness: '/ready', liveness: '/live' },
      timeout: '2s',
      retries: { attempts: 2, perTryTimeout: '500ms', on: ['5xx'] },
      circuitBreaker: { consecutiveErrors: 5, interval: '10s', baseEjectionTime: '30s', maxEjectionPercent: 50 },
      ...(i % 10 === 0 && { versions: { v1: { weight: 90 }, v2: { weight: 10 } } }),
      calls: i > 0 ? [names[i - 1]] : [],
    },
  ]),
);
const file = join(mkdtempSync(join(tmpdir(), 'hamesh-bench-')), 'system.json');
writeFileSync(file, JSON.stringify({ apiVersion: 'hamesh.dev/v1', kind: 'System', metadata: { name: 'bench' }, services }));

const time = async (label, fn) => {
  const start = performance.now();
  const value = await fn();
  return { label, ms: performance.now() - start, value };
};
for (const round of [1, 2]) {
  const steps = [];
  const checked = await time('load+validate+normalise+resolve', () => check(file));
  steps.push(checked);
  const resolved = checked.value.resolved;
  const engine = new TemplateEngine();
  const rendered = await time('render (templates + parse)', () => [namespaceTarget, kubernetesTarget, istioTarget].flatMap((t) => t.render(resolved, { engine })));
  steps.push(rendered);
  const verified = await time('verify (upstream schemas, strict)', () => verify(rendered.value, resolved));
  if (verified.value.length > 0) throw new Error(verified.value[0].message);
  steps.push(verified);
  steps.push(await time('serialise stream', () => manifestStream(rendered.value)));
  steps.push(await time('serialise --out files', () => outputFiles(rendered.value)));
  const total = steps.reduce((sum, s) => sum + s.ms, 0);
  console.log(`round ${round}: ${count} services, ${rendered.value.length} objects, total ${total.toFixed(0)} ms`);
  for (const s of steps) console.log(`  ${s.label.padEnd(36)} ${s.ms.toFixed(0).padStart(5)} ms`);
}
