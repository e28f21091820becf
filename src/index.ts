export { defineSystem } from './dsl.js';
export type { ServiceSpec, SystemSpec } from './dsl.js';
export type * from './spec/schema.generated.js';
export type { Diagnostic, Severity } from './diagnostics/diagnostic.js';
