/**
 * The value of `record`'s own property `key`, never an inherited one: a spec may name a service, event, profile or
 * rule option `constructor` or `__proto__`, which a plain `record[key]` or `key in record` finds on Object.prototype.
 */
export function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
