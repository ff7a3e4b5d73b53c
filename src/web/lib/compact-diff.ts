/** One changed field of an audited record: its dotted path and the values before and after. */
export interface FieldChange {
  path: string;
  before: unknown;
  after: unknown;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The fields that differ between an audit entry's `before` and `after`, for a compact diff. Objects are
 * walked field by field; arrays and other values compare whole (a skill list that changed shows as one
 * change, which reads better than index-by-index). A create has only `after`, a delete only `before`:
 * every field then counts as changed. Paths come in sorted order so the view is stable.
 * @example compactDiff({ seats: 10, name: 'A' }, { seats: 12, name: 'A' }) // [{ path: 'seats', before: 10, after: 12 }]
 */
export function compactDiff(before: unknown, after: unknown, prefix = ''): FieldChange[] {
  if (isPlainObject(before) || isPlainObject(after)) {
    const b = isPlainObject(before) ? before : {};
    const a = isPlainObject(after) ? after : {};
    if (!isPlainObject(before) && before != null) return [{ path: prefix || '(value)', before, after }];
    if (!isPlainObject(after) && after != null) return [{ path: prefix || '(value)', before, after }];
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
    return keys.flatMap((k) => compactDiff(b[k], a[k], prefix ? `${prefix}.${k}` : k));
  }
  return same(before, after) ? [] : [{ path: prefix || '(value)', before, after }];
}

/** A value as short text for the diff view: strings bare, the rest as JSON, absent as ∅. */
export function showValue(v: unknown): string {
  if (v === undefined) return '∅';
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}
