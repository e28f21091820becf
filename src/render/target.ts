import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ResolvedSystem } from '../resolve/resolve.js';
import type { TemplateEngine } from './engine.js';

/** Kubernetes-style object (or any rendered document) as plain data. */
export type RenderedValue = Record<string, unknown>;

/**
 * One rendered document. `manifest` documents are Kubernetes objects: they go to the YAML stream on stdout
 * and, with --out, into multi-document YAML files. `file` documents (NATS JSON configs, the AsyncAPI
 * catalog) are standalone files, written as JSON or YAML by the extension of `file`.
 */
export interface RenderedDocument {
  target: string;
  kind: 'manifest' | 'file';
  /** Output path relative to --out, e.g. `orders/kubernetes.yaml` or `nats/streams/order-created.json`. */
  file: string;
  /** The template it came from, e.g. `deployment.yaml.hbs` (for error messages). */
  template: string;
  value: RenderedValue;
  /** The spec entry the object was written at, when it was written whole (`objects`). */
  source?: string;
  /** The `patches` applied to it, in order, with their spec pointers (for locating verification findings). */
  patches?: Array<{ path: string; patch: Record<string, unknown> }>;
}

export interface RenderContext {
  engine: TemplateEngine;
}

/** A compile target (`kubernetes`, `istio`, `kafka`, `nats`, `asyncapi`, ...). */
export interface Target {
  name: string;
  description: string;
  /** Whether `hamesh build` renders it when --target is not given. */
  byDefault(resolved: ResolvedSystem): boolean;
  /**
   * Problems, found before rendering, that make this target's output impossible (e.g. a Kafka topic name collision);
   * errors stop the build. `selected` names every target of the build (what one target cannot say, another may);
   * default: this one alone.
   */
  preflight?(resolved: ResolvedSystem, selected?: readonly string[]): Diagnostic[];
  render(resolved: ResolvedSystem, context: RenderContext): RenderedDocument[];
}
