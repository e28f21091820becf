const unitMs = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
type Unit = keyof typeof unitMs;

const durationPattern = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d))+$/;
const partPattern = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/g;

/** Parses `250ms`, `2s`, `1m30s`, `7d` into whole milliseconds; undefined when malformed. */
export function parseDuration(text: string): number | undefined {
  if (!durationPattern.test(text)) return undefined;
  let total = 0;
  // exec in a loop, not matchAll, which copies the pattern on every call (this runs for every duration of every service).
  partPattern.lastIndex = 0;
  for (let part = partPattern.exec(text); part !== null; part = partPattern.exec(text)) {
    total += Number(part[1]) * unitMs[part[2] as Unit];
  }
  return Math.round(total);
}

/**
 * Canonical Go-style duration (as Istio and Kubernetes accept): the largest units first, e.g. `1m30s`,
 * `250ms`, `168h`. Days are written as hours because Go durations have no day unit.
 */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  let rest = ms;
  let out = '';
  for (const [unit, size] of [
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1000],
    ['ms', 1],
  ] as const) {
    const count = Math.floor(rest / size);
    if (count > 0) {
      out += `${count}${unit}`;
      rest -= count * size;
    }
  }
  return out;
}
