/** Pages needed for `total` rows at `limit` a page; an empty list still shows as page 1 of 1. */
export function pageCount(total: number, limit: number): number {
  return Math.max(1, Math.ceil(total / limit));
}
