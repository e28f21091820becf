export { defineSystem } from './dsl.js';
export type { EnvironmentSpec, Override, ServiceSpec, SystemSpec } from './dsl.js';
export type * from './spec/schema.generated.js';
export type { Diagnostic, Severity } from './diagnostics/diagnostic.js';

// The pipeline, for programs that drive hamesh themselves (the CLI is a thin layer over these).
export { build, check } from './pipeline.js';
export type { BuildOptions, BuildResult, Checked, CheckOptions } from './pipeline.js';
