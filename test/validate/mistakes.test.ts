import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/pipeline.js';
import { tempDir } from '../helpers/tmp.js';

const tmp = tempDir();

/**
 * Each class of mistake, written once as YAML and once as TypeScript. `^` in the text marks where the
 * diagnostic must point (line:col), and is removed before the file is written.
 */
const cases: Array<{ name: string; rule: string; path: string; message: RegExp; yaml: string; ts: string }> = [
  {
    name: 'unknown key',
    rule: 'unknown-key',
    path: '/services/web/replicaz',
    message: /'replicaz' is not a known key \(did you mean 'replicas'\?\)/,
    yaml: 'services:\n  web:\n    image: web:1\n    ^replicaz: 2\n',
    ts: "services: {\n  web: {\n    image: 'web:1',\n    ^replicaz: 2,\n  },\n},",
  },
  {
    name: 'wrong type',
    rule: 'schema',
    path: '/services/web/port',
    message: /^must be an integer$/,
    yaml: 'services:\n  web:\n    image: web:1\n    ^port: "8080"\n',
    ts: "services: {\n  web: {\n    image: 'web:1',\n    ^port: '8080',\n  },\n},",
  },
  {
    name: 'out of range',
    rule: 'schema',
    path: '/services/web/port',
    message: /^must be an integer <= 65535$/,
    yaml: 'services:\n  web:\n    image: web:1\n    ^port: 70000\n',
    ts: "services: {\n  web: {\n    image: 'web:1',\n    ^port: 70000,\n  },\n},",
  },
  {
    name: 'wrong enum with a suggestion',
    rule: 'schema',
    path: '/services/web/spread',
    message: /must be one of "zone", "node", "none" \(did you mean 'zone'\?\)/,
    yaml: 'services:\n  web:\n    image: web:1\n    ^spread: zones\n',
    ts: "services: {\n  web: {\n    image: 'web:1',\n    ^spread: 'zones',\n  },\n},",
  },
  {
    name: 'missing required key',
    rule: 'schema',
    path: '/services/web',
    message: /missing the required key 'image'/,
    yaml: 'services:\n  ^web:\n    replicas: 2\n',
    ts: 'services: {\n  ^web: {\n    replicas: 2,\n  },\n},',
  },
  {
    name: 'unknown service reference with a suggestion',
    rule: 'unknown-reference',
    path: '/services/web/calls/0',
    message: /service 'paymnts', which is not declared \(did you mean 'payments'\?\)/,
    yaml: 'services:\n  payments:\n    image: p:1\n  web:\n    image: web:1\n    calls: [^paymnts]\n',
    ts: "services: {\n  payments: { image: 'p:1' },\n  web: {\n    image: 'web:1',\n    calls: [^'paymnts'],\n  },\n},",
  },
  {
    name: 'unknown event reference inside a call object',
    rule: 'unknown-reference',
    path: '/services/web/calls/0/service',
    message: /service 'apy'.*did you mean 'api'/,
    yaml: 'services:\n  api:\n    image: a:1\n  web:\n    image: web:1\n    calls:\n      - ^service: apy\n        critical: false\n',
    ts: "services: {\n  api: { image: 'a:1' },\n  web: {\n    image: 'web:1',\n    calls: [{ ^service: 'apy', critical: false }],\n  },\n},",
  },
  {
    name: 'bad duration',
    rule: 'schema',
    path: '/profiles/fast/timeout',
    message: /must be a duration such as 250ms/,
    yaml: 'profiles:\n  fast:\n    ^timeout: 1 sec\nservices:\n  web:\n    image: web:1\n',
    ts: "profiles: {\n  fast: { ^timeout: '1 sec' },\n},\nservices: { web: { image: 'web:1' } },",
  },
  {
    name: 'bad service name',
    rule: 'schema',
    path: '/services/Web_1',
    message: /the name 'Web_1' must be a DNS-1123 label/,
    yaml: 'services:\n  ^Web_1:\n    image: web:1\n',
    ts: "services: {\n  ^Web_1: { image: 'web:1' },\n},",
  },
  {
    name: 'port name too long once the protocol is in front',
    rule: 'port-name',
    path: '/services/web/ports/metricsexport',
    message:
      /written on the Service and container as 'http-metricsexport'.*shorten 'metricsexport' to at most 10 characters/,
    yaml: 'services:\n  web:\n    image: web:1\n    ports:\n      ^metricsexport: {port: 9090}\n',
    ts: "services: {\n  web: {\n    image: 'web:1',\n    ports: { ^metricsexport: { port: 9090 } },\n  },\n},",
  },
  {
    name: 'a call to a worker',
    rule: 'unreachable-call',
    path: '/services/web/calls/0',
    message: /calls 'jobs', which exposes no port \(a worker\)/,
    yaml: 'services:\n  jobs:\n    image: j:1\n    ports: {}\n  web:\n    image: web:1\n    calls: [^jobs]\n',
    ts: "services: {\n  jobs: { image: 'j:1', ports: {} },\n  web: {\n    image: 'web:1',\n    calls: [^'jobs'],\n  },\n},",
  },
  {
    name: 'unknown external reference with a suggestion',
    rule: 'unknown-reference',
    path: '/services/web/calls/0',
    message: /service or external 'strpe', which is not declared \(did you mean 'stripe'\?\)/,
    yaml: 'externals:\n  stripe:\n    hosts: [api.stripe.com]\n    ports: {https: {port: 443, protocol: https}}\nservices:\n  web:\n    image: web:1\n    calls: [^strpe]\n',
    ts: "externals: {\n  stripe: { hosts: ['api.stripe.com'], ports: { https: { port: 443, protocol: 'https' } } },\n},\nservices: {\n  web: {\n    image: 'web:1',\n    calls: [^'strpe'],\n  },\n},",
  },
  {
    name: 'external with the name of a service',
    rule: 'duplicate-name',
    path: '/externals/web',
    message: /has the name of the service 'web'/,
    yaml: 'externals:\n  ^web:\n    hosts: [web.example.com]\n    ports: {https: {port: 443, protocol: https}}\nservices:\n  web:\n    image: web:1\n',
    ts: "externals: {\n  ^web: { hosts: ['web.example.com'], ports: { https: { port: 443, protocol: 'https' } } },\n},\nservices: {\n  web: { image: 'web:1' },\n},",
  },
  {
    name: 'DNS resolution of a wildcard external host',
    rule: 'invalid-value',
    path: '/externals/apis/resolution',
    message: /cannot be dns with the wildcard host '\*\.googleapis\.com'/,
    yaml: 'externals:\n  apis:\n    hosts: ["*.googleapis.com"]\n    ports: {https: {port: 443, protocol: https}}\n    ^resolution: dns\nservices:\n  web:\n    image: web:1\n',
    ts: "externals: {\n  apis: {\n    hosts: ['*.googleapis.com'],\n    ports: { https: { port: 443, protocol: 'https' } },\n    ^resolution: 'dns',\n  },\n},\nservices: {\n  web: { image: 'web:1' },\n},",
  },
  {
    name: 'unknown mesh mode with a suggestion',
    rule: 'schema',
    path: '/mesh/mtls',
    message: /must be one of "strict", "permissive" \(did you mean 'strict'\?\)/,
    yaml: 'mesh:\n  ^mtls: strikt\nservices:\n  web:\n    image: web:1\n',
    ts: "mesh: {\n  ^mtls: 'strikt',\n},\nservices: {\n  web: { image: 'web:1' },\n},",
  },
  {
    name: 'allowFrom entry of an unknown kind',
    rule: 'schema',
    path: '/services/web/allowFrom/0',
    message:
      /^an allow source takes exactly one of namespace, principal, anyone; this one has none, 'namespaces' is not a known key \(did you mean 'namespace'\?\)$/,
    yaml: 'services:\n  web:\n    image: web:1\n    allowFrom:\n      - ^namespaces: monitoring\n',
    ts: "services: {\n  web: {\n    image: 'web:1',\n    allowFrom: [^{ namespaces: 'monitoring' }],\n  },\n},",
  },
  {
    name: 'two handlers in one probe',
    rule: 'conflicting-fields',
    path: '/services/web/probes/readiness',
    message: /^a probe takes exactly one of http, grpc, tcp, exec; this one has http and tcp$/,
    yaml: 'services:\n  web:\n    image: web:1\n    probes:\n      ^readiness: {http: /ready, tcp: true}\n',
    ts: "services: {\n  web: {\n    image: 'web:1',\n    probes: {\n      ^readiness: { http: '/ready', tcp: true },\n    },\n  },\n},",
  },
  {
    name: 'probe port that the service does not declare',
    rule: 'unknown-reference',
    path: '/services/web/probes/liveness/port',
    message:
      /^refers to port 'admn', which 'web' does not declare \(did you mean 'admin'\?\) \(its ports: http, admin\)$/,
    yaml: 'services:\n  web:\n    image: web:1\n    ports: {http: {port: 8080}, admin: {port: 9090}}\n    probes:\n      liveness: {http: /live, ^port: admn}\n',
    ts: "services: {\n  web: {\n    image: 'web:1',\n    ports: { http: { port: 8080 }, admin: { port: 9090 } },\n    probes: {\n      liveness: { http: '/live', ^port: 'admn' },\n    },\n  },\n},",
  },
  {
    name: 'probe that its port cannot answer',
    rule: 'probe-protocol',
    path: '/services/cache/probes/readiness/grpc',
    message: /^is a gRPC health check on port 'redis' \(6379, tcp\) of 'cache'/,
    yaml: 'services:\n  cache:\n    image: redis:7\n    ports: {redis: {port: 6379, protocol: tcp}}\n    probes:\n      readiness:\n        ^grpc: true\n',
    ts: "services: {\n  cache: {\n    image: 'redis:7',\n    ports: { redis: { port: 6379, protocol: 'tcp' } },\n    probes: {\n      readiness: { ^grpc: true },\n    },\n  },\n},",
  },
  {
    name: 'probe timing in part of a second',
    rule: 'invalid-value',
    path: '/services/web/probes/readiness/timeout',
    message: /^must be whole seconds/,
    yaml: 'services:\n  web:\n    image: web:1\n    probes:\n      readiness: {http: /ready, ^timeout: 500ms}\n',
    ts: "services: {\n  web: {\n    image: 'web:1',\n    probes: { readiness: { http: '/ready', ^timeout: '500ms' } },\n  },\n},",
  },
  {
    name: 'file read from outside the spec folder',
    rule: 'file-source',
    path: '/services/web/files/~1etc~1app.conf/from',
    message: /^points outside the spec's folder .*: move the file next to the spec$/,
    yaml: 'services:\n  web:\n    image: web:1\n    files:\n      /etc/app.conf: {^from: ../app.conf}\n',
    ts: "services: {\n  web: {\n    image: 'web:1',\n    files: {\n      '/etc/app.conf': { ^from: '../app.conf' },\n    },\n  },\n},",
  },
  {
    name: 'file content that is not text',
    rule: 'schema',
    path: '/services/web/files/~1etc~1port',
    message: /^must be /,
    yaml: 'services:\n  web:\n    image: web:1\n    files:\n      ^/etc/port: 8080\n',
    ts: "services: {\n  web: {\n    image: 'web:1',\n    files: { ^'/etc/port': 8080 },\n  },\n},",
  },
  {
    name: 'external Service on a port the service does not expose',
    rule: 'unknown-reference',
    path: '/services/web/service/external/ports/0',
    message: /^refers to port 'admin', which 'web' does not expose \(its exposed ports: http\)$/,
    yaml: 'services:\n  web:\n    image: web:1\n    ports: {http: {port: 8080}, admin: {port: 9090, expose: false}}\n    service:\n      external: {ports: [^admin]}\n',
    ts: "services: {\n  web: {\n    image: 'web:1',\n    ports: { http: { port: 8080 }, admin: { port: 9090, expose: false } },\n    service: { external: { ports: [^'admin'] } },\n  },\n},",
  },
  {
    name: 'external Service of the wrong type',
    rule: 'schema',
    path: '/services/web/service/external/type',
    message: /^must be one of "LoadBalancer", "NodePort"/,
    yaml: 'services:\n  web:\n    image: web:1\n    service:\n      external: {^type: ClusterIP}\n',
    ts: "services: {\n  web: {\n    image: 'web:1',\n    service: { external: { ^type: 'ClusterIP' } },\n  },\n},",
  },
  {
    name: 'servicePort out of range',
    rule: 'schema',
    path: '/services/web/ports/http/servicePort',
    message: /^must be an integer <= 65535$/,
    yaml: 'services:\n  web:\n    image: web:1\n    ports:\n      http: {port: 8080, ^servicePort: 80800}\n',
    ts: "services: {\n  web: {\n    image: 'web:1',\n    ports: { http: { port: 8080, ^servicePort: 80800 } },\n  },\n},",
  },
];

function place(text: string): { text: string; line: number; column: number } {
  const offset = text.indexOf('^');
  const before = text.slice(0, offset).split('\n');
  return { text: text.replace('^', ''), line: before.length, column: before.at(-1)!.length + 1 };
}

const yamlHeader = 'apiVersion: hamesh.dev/v1\nkind: System\nmetadata: {name: demo}\n';
const tsHeader = "export default {\napiVersion: 'hamesh.dev/v1',\nkind: 'System',\nmetadata: { name: 'demo' },\n";

describe.each(cases)('$name', ({ name, rule, path, message, yaml, ts }) => {
  it.each([
    ['yaml', yamlHeader, yaml, ''],
    ['ts', tsHeader, ts, '\n};\n'],
  ])('is reported at its line:col in %s', async (extension, header, body, footer) => {
    const marked = place(header + body + footer);
    const file = tmp.write(`${name.replace(/\W+/g, '-')}.${extension}`, marked.text);
    const { diagnostics } = await analyze(file);
    const found = diagnostics.find((d) => d.path === path);
    expect(found, JSON.stringify(diagnostics, null, 2)).toMatchObject({
      rule,
      file,
      line: marked.line,
      column: marked.column,
    });
    expect(found!.message).toMatch(message);
  });
});

describe('one run reports every problem', () => {
  it('a schema error does not hide an unknown reference elsewhere', async () => {
    const file = tmp.write(
      'both.yaml',
      `${yamlHeader}services:\n  web:\n    image: web:1\n    replicas: many\n    calls: [nobody]\n`,
    );
    const { diagnostics } = await analyze(file);
    expect(diagnostics.map((d) => [d.rule, d.path])).toEqual([
      ['schema', '/services/web/replicas'],
      ['unknown-reference', '/services/web/calls/0'],
    ]);
  });
});
