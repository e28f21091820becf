import { pointer } from '../../diagnostics/diagnostic.js';
import { asyncApiFile } from '../layout.js';
import type { RenderedDocument, Target } from '../target.js';
import { asyncApiContext } from './catalog.js';

/**
 * The AsyncAPI 3.0 event catalog. Not built by default: it documents the system rather than deploying
 * anything, so `hamesh build --target asyncapi` asks for it.
 */
export const asyncApiTarget: Target = {
  name: 'asyncapi',
  description: 'AsyncAPI 3.0 document of the events: channels, and send/receive operations per service',
  byDefault: () => false,
  render(resolved, { engine }) {
    const template = 'asyncapi.yaml.hbs';
    return engine.render(template, asyncApiContext(resolved)).map(
      (value): RenderedDocument => ({
        target: 'asyncapi',
        kind: 'file',
        format: 'asyncapi',
        file: asyncApiFile,
        template,
        value,
        source: pointer('events'),
      }),
    );
  },
};
