import { pointer } from '../../diagnostics/diagnostic.js';
import type { RenderedDocument, RenderedValue, Target } from '../target.js';
import { namespaceFile } from '../layout.js';
import { systemLabels } from './labels.js';

/** Cluster-scoped kinds an `objects` entry may name: they get no namespace. */
const clusterScoped = new Set([
  'Namespace',
  'ClusterRole',
  'ClusterRoleBinding',
  'PriorityClass',
  'StorageClass',
  'PersistentVolume',
  'CustomResourceDefinition',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
]);

const name = 'objects';

/**
 * The top-level `objects`, passed through into `namespace/objects.yaml`: in the system's namespace unless they
 * name one (cluster-scoped kinds get none), with hamesh's system labels added. The verify stage checks them
 * strictly like rendered objects.
 */
export const objectsTarget: Target = {
  name,
  description:
    'the objects listed in `objects`, passed through (namespaced to the system unless they name a namespace)',
  byDefault: ({ system }) => system.objects.length > 0,
  render: ({ system }): RenderedDocument[] =>
    system.objects.map((object, index) => {
      const metadata: Record<string, unknown> = { ...(object.metadata as Record<string, unknown>) };
      if (!clusterScoped.has(String(object.kind)) && metadata.namespace === undefined)
        metadata.namespace = system.namespace;
      metadata.labels = { ...systemLabels(system), ...(metadata.labels as Record<string, string> | undefined) };
      const value: RenderedValue = { ...object, metadata };
      return {
        target: name,
        kind: 'manifest',
        file: namespaceFile(name),
        template: `objects/${index}`,
        value,
        source: pointer('objects', index),
        passthrough: true,
      };
    }),
};
