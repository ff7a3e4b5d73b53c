/** The three service-level (服务水平) definitions; docs/metrics.md states each with an example. */
export type SlDefinition = 1 | 2 | 3;

const ratio = (n: number, d: number): number | null => (d > 0 ? n / d : null);

/**
 * Service level of summed counts (null when the denominator is 0).
 * 1: answered within T / offered; 2: answered within T / (answered + abandoned after T);
 * 3: answered within T / (offered − short abandons).
 * Pure and dependency-free, so the report pages compute their totals with this same function.
 * @example serviceLevel(2, 2, 6, 3, 1, 1) // 2/(3+1) = 0.5; definition 1 gives 2/6, definition 3 gives 2/(6−1)
 */
export function serviceLevel(
  def: SlDefinition,
  withinT: number,
  offered: number,
  answered: number,
  abandonedAfterT: number,
  shortAbandoned: number,
): number | null {
  if (def === 1) return ratio(withinT, offered);
  if (def === 2) return ratio(withinT, answered + abandonedAfterT);
  return ratio(withinT, offered - shortAbandoned);
}
