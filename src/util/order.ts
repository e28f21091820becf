/** Code-unit order: the same on every machine and in every locale (unlike `localeCompare`). */
export const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Sorts `items` in place by a string key, in code-unit order. */
export const sortBy = <T>(items: T[], key: (item: T) => string): T[] =>
  items.sort((a, b) => compareStrings(key(a), key(b)));
