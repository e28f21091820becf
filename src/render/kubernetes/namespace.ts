import { pointer } from '../../diagnostics/diagnostic.js';
import { renderManifests } from '../engine.js';
import { namespaceFile } from '../layout.js';
import type { Target } from '../target.js';
import { systemLabels } from './labels.js';

const name = 'namespace';

/**
 * The system's Namespace, labelled for Istio sidecar injection; none with `metadata.createNamespace: false` (the
 * default for `default`), or leave it out with --target when another tool owns it.
 */
export const namespaceTarget: Target = {
  name,
  description: 'the Namespace, with Istio sidecar injection enabled',
  byDefault: () => true,
  render: ({ system }, { engine }) =>
    !system.createNamespace
      ? []
      : renderManifests(
          engine,
          {
            target: name,
            file: namespaceFile('kubernetes'),
            template: 'namespace.yaml.hbs',
            source: pointer('metadata'),
          },
          { name: system.namespace, labels: { ...systemLabels(system), 'istio-injection': 'enabled' } },
        ),
};
