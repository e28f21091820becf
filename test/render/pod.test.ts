import { describe, expect, it } from 'vitest';
import { documentsOf, find, render } from '../helpers/render.js';
import { resolveSpec, system } from '../helpers/spec.js';

const image = 'ghcr.io/acme/app:1.0.0';

const wired = (env: Record<string, unknown>) =>
  system(
    {
      web: {
        image,
        calls: ['cart', 'orders'],
        publishes: ['order.created'],
        subscribes: { 'cart.emptied': { group: 'web.carts' } },
        env,
      },
      cart: { image, protocol: 'grpc', port: 7070 },
      orders: { image },
    },
    {
      metadata: { name: 'demo', namespace: 'shop' },
      broker: { cluster: 'events', namespace: 'kafka' },
      events: { 'order.created': {}, 'cart.emptied': {} },
    },
  );

const containerOf = (docs: Awaited<ReturnType<typeof documentsOf>>, name = 'web') =>
  find(docs, 'Deployment', name).spec.template.spec.containers[0];

describe('container env', () => {
  it('resolves every reference form from the graph, and runtime ones to valueFrom', async () => {
    const env = {
      CART_ADDR: { address: 'cart' },
      CART_URL: { address: 'cart', port: 'grpc', scheme: 'grpc' },
      ORDERS_API: { address: 'orders', scheme: 'http', path: '/api/v1' },
      ORDERS_HOST: { host: 'orders' },
      CART_PORT: { port: 'cart', name: 'grpc' },
      BOOTSTRAP: { broker: 'bootstrap' },
      TOPIC: { topic: 'order.created' },
      GROUP: { group: 'cart.emptied' },
      PORT: 8080,
      DEBUG: true,
      PASSWORD: { secret: 'db', key: 'password' },
      FLAGS: { config: 'flags', key: 'flags.json', optional: true },
      POD_IP: { field: 'status.podIP' },
      MEMORY: { resource: 'limits.memory', divisor: '1Mi' },
    };
    const docs = await documentsOf(wired(env));
    expect(containerOf(docs).env).toEqual([
      { name: 'BOOTSTRAP', value: 'events-kafka-bootstrap.kafka.svc:9092' },
      { name: 'CART_ADDR', value: 'cart.shop.svc.cluster.local:7070' },
      { name: 'CART_PORT', value: '7070' },
      { name: 'CART_URL', value: 'grpc://cart.shop.svc.cluster.local:7070' },
      { name: 'DEBUG', value: 'true' },
      { name: 'FLAGS', valueFrom: { configMapKeyRef: { name: 'flags', key: 'flags.json', optional: true } } },
      { name: 'GROUP', value: 'web.carts' },
      {
        name: 'MEMORY',
        valueFrom: { resourceFieldRef: { containerName: 'web', resource: 'limits.memory', divisor: '1Mi' } },
      },
      { name: 'ORDERS_API', value: 'http://orders.shop.svc.cluster.local:8080/api/v1' },
      { name: 'ORDERS_HOST', value: 'orders.shop.svc.cluster.local' },
      { name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
      { name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
      { name: 'PORT', value: '8080' },
      { name: 'TOPIC', value: 'order.created' },
    ]);
  });

  it('orders a $(VAR) chain after what it uses, identically whatever the key order of the spec', async () => {
    const entries: Array<[string, unknown]> = [
      ['A_URL', 'http://$(Z_HOST):$(M_PORT)/$(B_PATH)'],
      ['B_PATH', 'v1'],
      ['M_PORT', { port: 'orders' }],
      ['Z_HOST', { host: 'orders' }],
      ['C_LITERAL', '$$(A_URL) stays literal'],
    ];
    const shuffled = [
      entries,
      [...entries].reverse(),
      [entries[2]!, entries[0]!, entries[4]!, entries[1]!, entries[3]!],
    ];
    const outputs = await Promise.all(
      shuffled.map(async (order) =>
        JSON.stringify(containerOf(await documentsOf(wired(Object.fromEntries(order)))).env),
      ),
    );
    expect(new Set(outputs).size).toBe(1);
    const names = (JSON.parse(outputs[0]!) as Array<{ name: string }>).map((v) => v.name);
    expect(names).toEqual(['B_PATH', 'C_LITERAL', 'M_PORT', 'Z_HOST', 'A_URL']);
    // Kubernetes expands $(VAR) from variables listed earlier: every one A_URL uses precedes it.
    for (const used of ['Z_HOST', 'M_PORT', 'B_PATH']) expect(names.indexOf(used)).toBeLessThan(names.indexOf('A_URL'));
  });

  it('merges env per variable from defaults and profiles, the service winning', async () => {
    const docs = await documentsOf(
      system(
        { web: { image, profile: 'api', env: { LEVEL: 'debug' } }, other: { image } },
        {
          defaults: { env: { LEVEL: 'info', REGION: 'eu' } },
          profiles: { api: { env: { REGION: 'us', MODE: 'api' } } },
        },
      ),
    );
    expect(containerOf(docs).env).toEqual([
      { name: 'LEVEL', value: 'debug' },
      { name: 'MODE', value: 'api' },
      { name: 'REGION', value: 'us' },
    ]);
    expect(containerOf(docs, 'other').env).toEqual([
      { name: 'LEVEL', value: 'info' },
      { name: 'REGION', value: 'eu' },
    ]);
  });
});

describe('container and pod fields', () => {
  it('emits command, args, envFrom, limits, security and the pod settings, and passes the strict verifier', async () => {
    const docs = await documentsOf(
      system({
        web: {
          image,
          calls: ['cart'],
          command: ['/bin/server'],
          args: ['--port', '8080'],
          envFrom: [
            { config: 'web-config', prefix: 'CFG_' },
            { secret: 'web-secrets', optional: true },
          ],
          resources: { cpu: '100m', memory: '64Mi', limits: { cpu: '200m', memory: '128Mi' } },
          security: {
            runAsUser: 1000,
            runAsGroup: 1000,
            fsGroup: 2000,
            readOnlyRootFilesystem: true,
            capabilities: { add: ['NET_BIND_SERVICE'] },
          },
          serviceAccount: {
            name: 'web-identity',
            annotations: { 'iam.gke.io/gcp-service-account': 'web@acme.iam.gserviceaccount.com' },
          },
          labels: { team: 'shop' },
          annotations: { 'sidecar.istio.io/proxyCPU': '50m' },
          imagePullPolicy: 'Always',
          imagePullSecrets: ['registry'],
          terminationGracePeriod: '1m30s',
          nodeSelector: { 'kubernetes.io/arch': 'arm64' },
          tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'web', effect: 'NoSchedule' }],
          priorityClass: 'high',
          service: { type: 'LoadBalancer', annotations: { 'cloud.google.com/l4-rbs': 'enabled' } },
        },
        cart: { image, resources: { limits: { memory: '1Gi' } } },
      }),
    );
    const pod = find(docs, 'Deployment', 'web').spec.template;
    expect(pod.metadata.labels).toMatchObject({ app: 'web', team: 'shop' });
    expect(pod.metadata.annotations).toEqual({ 'sidecar.istio.io/proxyCPU': '50m' });
    expect(pod.spec).toMatchObject({
      serviceAccountName: 'web-identity',
      priorityClassName: 'high',
      terminationGracePeriodSeconds: 90,
      imagePullSecrets: [{ name: 'registry' }],
      nodeSelector: { 'kubernetes.io/arch': 'arm64' },
      tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'web', effect: 'NoSchedule' }],
      securityContext: {
        runAsNonRoot: true,
        runAsUser: 1000,
        runAsGroup: 1000,
        fsGroup: 2000,
        seccompProfile: { type: 'RuntimeDefault' },
      },
    });
    expect(pod.spec.containers[0]).toMatchObject({
      imagePullPolicy: 'Always',
      command: ['/bin/server'],
      args: ['--port', '8080'],
      envFrom: [
        { prefix: 'CFG_', configMapRef: { name: 'web-config' } },
        { secretRef: { name: 'web-secrets', optional: true } },
      ],
      resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '200m', memory: '128Mi' } },
      securityContext: {
        allowPrivilegeEscalation: false,
        capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] },
        readOnlyRootFilesystem: true,
      },
    });
    // A limit without a request: Kubernetes requests the limit.
    expect(containerOf(docs, 'cart').resources).toEqual({ limits: { memory: '1Gi' } });
    expect(find(docs, 'ServiceAccount', 'web-identity').metadata.annotations).toEqual({
      'iam.gke.io/gcp-service-account': 'web@acme.iam.gserviceaccount.com',
    });
    expect(find(docs, 'Service', 'web')).toMatchObject({
      metadata: { annotations: { 'cloud.google.com/l4-rbs': 'enabled' } },
      spec: { type: 'LoadBalancer' },
    });
    // Callers are admitted by the service account they run as.
    const cartPolicy = find(docs, 'AuthorizationPolicy', 'cart');
    expect(JSON.stringify(cartPolicy.spec)).toContain('cluster.local/ns/demo/sa/web-identity');
  });

  it('applies tier, security, labels and pod settings from defaults and profiles', async () => {
    const docs = await documentsOf(
      system(
        { web: { image, profile: 'hardened', labels: { team: 'web' } } },
        {
          defaults: {
            tier: 'critical',
            labels: { team: 'all', cost: 'shared' },
            security: { runAsUser: 1000 },
            priorityClass: 'normal',
          },
          profiles: {
            hardened: {
              security: { readOnlyRootFilesystem: true },
              tolerations: [{ key: 'spot', operator: 'Exists' }],
            },
          },
        },
      ),
    );
    const pod = find(docs, 'Deployment', 'web').spec.template;
    expect(find(docs, 'Deployment', 'web').spec.replicas).toBe(3);
    expect(pod.metadata.labels).toMatchObject({ team: 'web', cost: 'shared' });
    expect(pod.spec).toMatchObject({ priorityClassName: 'normal', tolerations: [{ key: 'spot', operator: 'Exists' }] });
    expect(pod.spec.securityContext.runAsUser).toBe(1000);
    expect(pod.spec.containers[0].securityContext.readOnlyRootFilesystem).toBe(true);
  });
});

describe('broker bootstrap', () => {
  it('is the TLS listener with broker.auth tls, and the NATS URL for NATS', async () => {
    const spec = (broker: object) => system({ web: { image, env: { B: { broker: 'bootstrap' } } } }, { broker });
    const tls = containerOf(await documentsOf(spec({ cluster: 'events', auth: 'tls' }))).env;
    expect(tls).toEqual([{ name: 'B', value: 'events-kafka-bootstrap.demo.svc:9093' }]);
    const nats = containerOf(await documentsOf(spec({ kind: 'nats', cluster: 'bus', namespace: 'nats' }))).env;
    expect(nats).toEqual([{ name: 'B', value: 'nats://bus.nats.svc:4222' }]);
  });
});

describe('a broker hamesh does not operate', () => {
  it('resolves {broker: bootstrap} to broker.bootstrap and emits no Strimzi objects with operator none', async () => {
    const spec = {
      broker: { operator: 'none' as const, bootstrap: 'kafka.example.com:9092', auth: 'tls' as const },
      services: {
        web: { image, publishes: ['order.created'], env: { B: { broker: 'bootstrap' as const } } },
        mailer: {
          image,
          subscribes: { 'order.created': { retry: { attempts: 2, backoff: 'fixed' as const, delay: '1s' } } },
        },
      },
      events: { 'order.created': {} },
    };
    const resolved = resolveSpec(spec);
    const kinds = render(resolved, 'kafka').map((d) => d.value.kind);
    expect(kinds).not.toContain('KafkaTopic');
    expect(kinds).not.toContain('KafkaUser');
    expect(kinds).toContain('ConfigMap');
    expect(
      containerOf(await documentsOf(system(spec.services, { broker: spec.broker, events: spec.events }))).env,
    ).toEqual([{ name: 'B', value: 'kafka.example.com:9092' }]);
  });
});
