import type { Resources } from '../../spec/schema.generated.js';

type Quantity = NonNullable<Resources['cpu']>;

const binaryUnits: Array<[string, number]> = [
  ['Ei', 2 ** 60],
  ['Pi', 2 ** 50],
  ['Ti', 2 ** 40],
  ['Gi', 2 ** 30],
  ['Mi', 2 ** 20],
  ['Ki', 2 ** 10],
];

/** CPU in Kubernetes' canonical form: whole cores as `2`, anything else in millicores (`0.5` → `500m`). */
export function cpuQuantity(value: Quantity): string {
  const text = String(value);
  const milli = Math.ceil(text.endsWith('m') ? Number(text.slice(0, -1)) : Number(text) * 1000);
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
}

/** Memory in the largest exact binary unit when given in one (`1024Mi` → `1Gi`), else as given; numbers are bytes. */
export function memoryQuantity(value: Quantity): string {
  const text = String(value);
  const match = /^([0-9]+(?:\.[0-9]+)?)(Ei|Pi|Ti|Gi|Mi|Ki)$/.exec(text);
  if (!match) return text;
  const bytes = Number(match[1]) * binaryUnits.find(([unit]) => unit === match[2])![1];
  const exact = binaryUnits.find(([, size]) => bytes >= size && Number.isInteger(bytes / size));
  return exact ? `${bytes / exact[1]}${exact[0]}` : text;
}
