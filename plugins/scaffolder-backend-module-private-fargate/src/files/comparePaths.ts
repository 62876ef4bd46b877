/** Orders paths by UTF-16 code units, the same on every machine and locale (unlike localeCompare). */
export function comparePaths(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
