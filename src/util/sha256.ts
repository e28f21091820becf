import { createRequire } from 'node:module';
import type * as Crypto from 'node:crypto';

let crypto: typeof Crypto | undefined;

/**
 * A SHA-256 hash to feed. node:crypto is required on first use: importing it cost ~10 ms of every run (build, lint,
 * validate), and most runs hash nothing (a service's `files`, SARIF fingerprints).
 */
export function sha256(): Crypto.Hash {
  crypto ??= createRequire(import.meta.url)('node:crypto') as typeof Crypto;
  return crypto.createHash('sha256');
}
