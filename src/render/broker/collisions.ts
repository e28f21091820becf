/** Something the render stage names, and the JSON Pointer of the spec entry that produced it. */
export interface NamedOutput {
  name: string;
  path: string;
}

/**
 * Pairs `[first, later]` for every output whose `key(name)` equals an earlier one's, in input order.
 * Broker-neutral: Kafka topics and NATS streams/consumers use it with their own name mappings.
 */
export function collisions<T extends NamedOutput>(items: readonly T[], key: (name: string) => string): Array<[T, T]> {
  const first = new Map<string, T>();
  const pairs: Array<[T, T]> = [];
  for (const item of items) {
    const k = key(item.name);
    const earlier = first.get(k);
    if (earlier) pairs.push([earlier, item]);
    else first.set(k, item);
  }
  return pairs;
}
