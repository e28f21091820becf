// The peer: a cdk8s 2.70 + cdk8s-plus app synthesising, from the same generated spec, what
// `hamesh build --target kubernetes` emits per service: ServiceAccount, Service, a Deployment per version,
// a PodDisruptionBudget (from cdk8s-plus' bundled imports/k8s: cdk8s-plus has no PDB construct) and, for
// autoscaled services, a HorizontalPodAutoscaler per Deployment. All in one chart (one chart per service
// costs cdk8s 3-4x more: it validates the whole app per chart).
// Usage: node bench/cdk8s-app.mjs SPEC.json OUTDIR
import { readFileSync } from 'node:fs';
import { App, Chart, Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-34';
import { IntOrString, KubePodDisruptionBudget } from 'cdk8s-plus-34/lib/imports/k8s.js';

const [specFile, outdir] = process.argv.slice(2);
const spec = JSON.parse(readFileSync(specFile, 'utf8'));
const namespace = spec.metadata.name;
const app = new App({ outdir });
const chart = new Chart(app, 'system', { namespace, disableResourceNameHashes: true });

for (const [name, service] of Object.entries(spec.services)) {
  const labels = {
    'app.kubernetes.io/name': name,
    'app.kubernetes.io/part-of': namespace,
    'app.kubernetes.io/managed-by': 'cdk8s',
  };
  const serviceAccount = new kplus.ServiceAccount(chart, `${name}-sa`, { metadata: { name, labels } });
  const versions = Object.keys(service.versions ?? { '': {} });
  const deployments = versions.map((version) => {
    const deployment = new kplus.Deployment(chart, `${name}-${version}`, {
      metadata: { name: version ? `${name}-${version}` : name, labels },
      replicas: service.autoscale ? undefined : service.replicas,
      serviceAccount,
      podMetadata: { labels: { ...labels, ...(version && { version }) } },
      securityContext: { ensureNonRoot: true },
      containers: [
        {
          name,
          image: service.image,
          portNumber: 8080,
          resources: {
            cpu: { request: kplus.Cpu.millis(Number.parseInt(service.resources.cpu, 10)) },
            memory: { request: Size.mebibytes(Number.parseInt(service.resources.memory, 10)) },
          },
          readiness: kplus.Probe.fromHttpGet(service.probes.readiness, { port: 8080 }),
          liveness: kplus.Probe.fromHttpGet(service.probes.liveness, { port: 8080 }),
        },
      ],
    });
    deployment.scheduling.spread({ topology: kplus.Topology.ZONE });
    return deployment;
  });
  new kplus.Service(chart, `${name}-svc`, {
    metadata: { name, labels },
    selector: deployments[0],
    ports: [{ name: 'http', port: 80, targetPort: 8080 }],
  });
  new KubePodDisruptionBudget(chart, `${name}-pdb`, {
    metadata: { name, labels },
    spec: { selector: { matchLabels: { 'app.kubernetes.io/name': name } }, maxUnavailable: IntOrString.fromNumber(1) },
  });
  if (service.autoscale) {
    for (const deployment of deployments) {
      new kplus.HorizontalPodAutoscaler(chart, `${deployment.node.id}-hpa`, {
        metadata: { name: deployment.name, labels },
        target: deployment,
        minReplicas: service.autoscale.min,
        maxReplicas: service.autoscale.max,
        metrics: [kplus.Metric.resourceCpu(kplus.MetricTarget.averageUtilization(70))],
        scaleUpPolicies: [{ replicas: kplus.Replicas.absolute(2), duration: Duration.minutes(1) }],
      });
    }
  }
}
app.synth();
