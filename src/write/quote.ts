/**
 * Plain scalars that some YAML reader resolves to something other than a string. YAML 1.1 readers (kubectl and
 * every tool built on sigs.k8s.io/yaml or go-yaml v2, PyYAML) read `yes`/`on`/`y` as booleans, `2024_01_15`, `0x1_F`,
 * `0o17` and `1:20` (base 60) as numbers and `2024-01-15` as a timestamp; YAML 1.2 readers read `1e3`, `.inf` and
 * `~` as numbers or null. Go's reader strips underscores and accepts a sign before any base prefix.
 */
const NON_STRING = new RegExp(
  [
    'y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF', // booleans
    '~|null|Null|NULL|', // null
    '[-+]?0b[01_]+|[-+]?0o?[0-7_]+|[-+]?0x[0-9a-fA-F_]+|[-+]?[0-9][0-9_]*', // integers in base 2, 8, 16, 10
    '[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?', // base 60
    // floats (the `yaml` package's 1.1 reader takes even `E0` for one)
    '[-+]?(?:[0-9][0-9_]*)?\\.[0-9_]*|[-+]?(?:[0-9][0-9_]*)?(?:\\.[0-9_]*)?[eE][-+]?[0-9]+',
    '[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)',
    '[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \\t]+)[0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(?:\\.[0-9]*)?(?:[ \\t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?', // timestamps
    '<<|=', // merge key and value key
  ]
    .map((alternative) => `(?:${alternative})`)
    .join('|')
    .replace(/^/, '^(?:')
    .replace(/$/, ')$'),
);

/**
 * Whether a string must be quoted so that every YAML 1.1 and 1.2 reader reads it back as that string. The one rule
 * for every YAML writer of hamesh (see yaml.ts); strings the YAML syntax itself needs quoted (`: `, `#`, leading
 * spaces, …) are the dumper's own business.
 */
export function mustQuote(value: string): boolean {
  return NON_STRING.test(value);
}
