import { dump } from 'js-yaml';

/**
 * Block-style YAML for a rendered document. js-yaml quotes every string that YAML 1.1 or 1.2 could read as
 * something else (`yes`, `on`, `0755`, `1e3`, …), never folds long lines, and never emits anchors.
 */
export function toYaml(value: unknown): string {
  return dump(value, { lineWidth: -1, noRefs: true, sortKeys: false });
}
