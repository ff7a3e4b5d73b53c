export type SortDirection = 'asc' | 'desc';

// Chinese names sort by pinyin in zh-CN collation (张 after 李), which is what a team lead expects.
const collator = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' });

/**
 * Orders two cell values: empty (null, undefined, '') always last whatever the direction, numbers
 * numerically, booleans false before true, everything else as text in zh-CN collation with numeric runs
 * compared as numbers ('A2' before 'A10').
 */
export function compareValues(a: unknown, b: unknown, direction: SortDirection = 'asc'): number {
  const emptyA = a == null || a === '';
  const emptyB = b == null || b === '';
  if (emptyA || emptyB) return emptyA === emptyB ? 0 : emptyA ? 1 : -1;
  let c: number;
  if (typeof a === 'number' && typeof b === 'number') c = a - b;
  else if (typeof a === 'boolean' && typeof b === 'boolean') c = Number(a) - Number(b);
  else c = collator.compare(String(a), String(b));
  return direction === 'asc' ? c : -c;
}

/** A sorted copy; stable, so rows with equal keys keep the server's order. */
export function sortRows<T>(rows: readonly T[], key: (row: T) => unknown, direction: SortDirection): T[] {
  return rows
    .map((row, i) => ({ row, i, k: key(row) }))
    .sort((x, y) => compareValues(x.k, y.k, direction) || x.i - y.i)
    .map((x) => x.row);
}
