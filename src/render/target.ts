import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ResolvedSystem } from '../resolve/resolve.js';
import type { TemplateEngine } from './engine.js';

/** Kubernetes-style object (or any rendered document) as plain data. */
export type RenderedValue = Record<string, unknown>;

/** What a standalone (`file`) document is: it picks the schema the verify stage checks the document against. */
export type FileFormat = 'jetstream-stream' | 'jetstream-consumer' | 'nats-permissions' | 'asyncapi';

interface RenderedBase {
  target: string;
  /** Output path relative to --out, from src/render/layout.ts (e.g. `manifests/services/orders/kubernetes.yaml`). */
  file: string;
  /** The template it came from, e.g. `deployment.yaml.hbs` (for error messages). */
  template: string;
  value: RenderedValue;
  /**
   * JSON Pointer of the spec entry the document was rendered from: a service, event, subscription, the broker,
   * or the root for a system-wide document. Verification findings are located there.
   */
  source: string;
}

/**
 * One rendered document. `manifest` documents are Kubernetes objects: they go to the YAML stream on stdout
 * and, with --out, into multi-document YAML files. `file` documents (NATS JSON configs, the AsyncAPI
 * catalog) are standalone files, written as JSON or YAML by the extension of `file`.
 */
export type RenderedDocument =
  | (RenderedBase & {
      kind: 'manifest';
      /** The object is the spec entry at `source`, passed through (`objects`): a field inside it is at the same field there. */
      passthrough?: true;
      /** The `patches` applied to it, in order, with their spec pointers (for locating verification findings). */
      patches?: Array<{ path: string; patch: Record<string, unknown> }>;
    })
  | (RenderedBase & { kind: 'file'; format: FileFormat });

export interface RenderContext {
  engine: TemplateEngine;
  /** Every target of the build (what one target emits may depend on another: istio with gateway-api); default: this one alone. */
  selected?: readonly string[];
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
