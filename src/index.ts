export { defineSystem } from './dsl.js';
export type { EnvironmentSpec, Override, ServiceSpec, SystemSpec } from './dsl.js';
export type * from './spec/schema.generated.js';
export type { Diagnostic, Severity } from './diagnostics/diagnostic.js';

// The pipeline, for programs that drive hamesh themselves (the CLI is a thin layer over these).
export { analyze, build } from './pipeline.js';
export type { Analysis, AnalyzeOptions, BuildOptions, BuildResult } from './pipeline.js';
/** @deprecated The former name of `analyze` (load → validate → normalize → resolve), kept for existing programs. */
export { analyze as check } from './pipeline.js';
/** @deprecated The former names of `Analysis` and `AnalyzeOptions`. */
export type { Analysis as Checked, AnalyzeOptions as CheckOptions } from './pipeline.js';
