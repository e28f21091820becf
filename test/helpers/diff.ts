import { buildVersion, diffVersions } from '../../src/diff/diff.js';
import { loadSpec } from '../../src/load/load.js';
import { shopVersion, shopYaml, type ShopData } from './spec.js';

export type ShopEdit = (spec: ShopData) => void;

/** `hamesh diff` in process: the shop example (or a `base` version of it) against a version edited by `edit`. */
export async function diffShop(edit: ShopEdit, base?: ShopEdit) {
  const before = await buildVersion(await loadSpec(base ? shopVersion(base) : shopYaml), undefined);
  const after = await buildVersion(
    await loadSpec(
      shopVersion((s) => {
        base?.(s);
        edit(s);
      }),
    ),
    undefined,
  );
  return diffVersions(before, after);
}
