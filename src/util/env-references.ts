/** `$(NAME)` references in an env value; `$$(NAME)` is Kubernetes' escape for a literal `$(NAME)`. */
export function envReferences(value: string): string[] {
  const names: string[] = [];
  for (const match of value.matchAll(/\$\$|\$\(([^)]+)\)/g)) if (match[1] !== undefined) names.push(match[1]);
  return names;
}
