import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/hamesh.js', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment without GitHub Actions' variables, so reports (permalinks, annotations) read the same in CI. */
const localEnv = () => Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('GITHUB_')));

/** Runs the built CLI (`npm run build` first, as `npm test` does) as a separate process from the repo root. */
export function runCli(args: string[], options: { cwd?: string; input?: string } = {}): CliResult {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? root,
    input: options.input,
    encoding: 'utf8',
    env: { ...localEnv(), NO_COLOR: '1' },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
