import { codes } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { FileSource } from './files.js';

export interface Position {
  line: number;
  column: number;
}

/** A spec as read from disk: its plain data, and a way to find where a JSON Pointer came from. */
export interface LoadedSpec {
  file: string;
  format: 'yaml' | 'json' | 'module';
  data: unknown;
  /** What the `files` entries' `{from: PATH}` read, by PATH as written (see src/load/files.ts). */
  fileSources?: ReadonlyMap<string, FileSource>;
  /** The 1-based position of the value (or, for an object key, of the key) at `pointer`, or the nearest ancestor. */
  locate(pointer: string): Position | undefined;
}

/** Unusable input (unreadable, unparsable, a module that throws): exit code 2, one clear message. */
export class LoadError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
    this.name = 'LoadError';
  }
}

/** A hamesh.config file that cannot be used: its located problems (exit code 2). */
export class ConfigError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics[0]?.message ?? 'invalid config');
    this.name = 'ConfigError';
  }
}

export function loadError(file: string, message: string, position?: Partial<Position>): LoadError {
  return new LoadError({ rule: codes.load.id, severity: 'error', message, path: '', file, ...position });
}

/** Attaches file, line and column to diagnostics that carry only a path. */
export function locateAll(diagnostics: readonly Diagnostic[], spec: LoadedSpec): Diagnostic[] {
  const locate = <T extends Pick<Diagnostic, 'path' | 'file' | 'line'>>(d: T): T =>
    d.line !== undefined ? d : { ...d, file: d.file ?? spec.file, ...spec.locate(d.path) };
  return diagnostics.map((d) => {
    const located = locate(d);
    return d.related ? { ...located, related: d.related.map(locate) } : located;
  });
}
