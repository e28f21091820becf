import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { JetStreamManager } from 'nats';

/** The nats-server binary on PATH or where the Debian package puts it; undefined when not installed. */
export function findNatsServer(): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin'];
  return dirs
    .filter(Boolean)
    .map((dir) => join(dir, 'nats-server'))
    .find((file) => existsSync(file));
}

/** A free TCP port on 127.0.0.1 (the OS picks it; closed again before the server binds it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface NatsNode {
  name: string;
  port: number;
  process: ChildProcess;
  /** The server's output, for failure messages. */
  log: string[];
}

export interface NatsCluster {
  nodes: NatsNode[];
  urls: string[];
  kill(name: string): void;
  /** Stops every server by its PID (SIGTERM, then SIGKILL) and removes the store directories. */
  stop(): Promise<void>;
  logs(): string;
}

export interface ClusterOptions {
  size?: number;
  /** Files written next to every server's config (e.g. an included permissions file), by name. */
  files?: Record<string, string>;
  /** Lines appended to every server's config (e.g. an `authorization` block). */
  config?: string[];
}

/** Starts `size` JetStream servers on 127.0.0.1, routed into one cluster, each with its own temp store dir. */
export async function startCluster(
  binary: string,
  { size = 3, files = {}, config: extra = [] }: ClusterOptions = {},
): Promise<NatsCluster> {
  const root = mkdtempSync(join(tmpdir(), 'hamesh-nats-'));
  const ports = await Promise.all(Array.from({ length: size * 2 }, freePort));
  const clientPorts = ports.slice(0, size);
  const routePorts = ports.slice(size);
  const routes = routePorts.map((port) => `nats-route://127.0.0.1:${port}`);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, name), text);
  const nodes: NatsNode[] = clientPorts.map((port, index) => {
    const name = `n${index + 1}`;
    const config = join(root, `${name}.conf`);
    writeFileSync(
      config,
      [
        `server_name: ${name}`,
        `listen: 127.0.0.1:${port}`,
        `jetstream { store_dir: ${JSON.stringify(join(root, name))} }`,
        `cluster { name: hamesh-test, listen: 127.0.0.1:${routePorts[index]}, routes: [${routes.join(', ')}] }`,
        ...extra,
      ].join('\n'),
    );
    const child = spawn(binary, ['-c', config], { stdio: ['ignore', 'pipe', 'pipe'] });
    const log: string[] = [];
    const keep = (chunk: Buffer) =>
      log.push(
        ...chunk
          .toString()
          .split('\n')
          .filter(Boolean)
          .map((line) => `${name}: ${line}`),
      );
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    return { name, port, process: child, log };
  });

  const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;
  const waitForExit = (child: ChildProcess, ms: number) =>
    new Promise<void>((resolve) => {
      if (exited(child)) return resolve();
      const timer = setTimeout(resolve, ms);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });

  return {
    nodes,
    urls: clientPorts.map((port) => `127.0.0.1:${port}`),
    kill(name) {
      const node = nodes.find((n) => n.name === name);
      if (!node?.process.pid) throw new Error(`no running server ${name}`);
      process.kill(node.process.pid, 'SIGKILL');
    },
    async stop() {
      for (const { process: child } of nodes) {
        if (child.pid && !exited(child)) process.kill(child.pid, 'SIGTERM');
      }
      await Promise.all(nodes.map(({ process: child }) => waitForExit(child, 5000)));
      for (const { process: child } of nodes) {
        if (child.pid && !exited(child)) process.kill(child.pid, 'SIGKILL');
      }
      await Promise.all(nodes.map(({ process: child }) => waitForExit(child, 2000)));
      rmSync(root, { recursive: true, force: true });
    },
    logs: () => nodes.flatMap((n) => n.log.slice(-15)).join('\n'),
  };
}

/** Calls `attempt` until it resolves or `ms` have passed (then rethrows its last error); never a fixed sleep. */
export async function retryFor<T>(ms: number, attempt: () => Promise<T>, pauseMs = 200): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() + pauseMs > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  }
}

/**
 * Waits until the cluster places a stream on all its servers: JetStream answers (a meta leader is elected) before
 * every peer has joined, and a replicated stream created then fails with "no suitable peers for placement".
 * Proven by creating and deleting a probe stream with one replica per server.
 */
export async function waitForJetStream(jsm: JetStreamManager, cluster: NatsCluster): Promise<void> {
  const probe = { name: 'HAMESH_READY_PROBE', subjects: ['hamesh.ready.probe'], num_replicas: cluster.nodes.length };
  await retryFor(30_000, async () => {
    await jsm.streams.add(structuredClone(probe) as never);
    await jsm.streams.delete(probe.name);
  }).catch((error: unknown) => {
    throw new Error(`JetStream did not become ready: ${String(error)}\n${cluster.logs()}`);
  });
}
