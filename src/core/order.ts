/**
 * Orders strings by UTF-16 code units, as `<` does: the same on every machine and in every locale (localeCompare
 * is not), so that sorted lists in cache keys, Reports and comments are stable.
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
