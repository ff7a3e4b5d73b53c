/**
 * Forecast accuracy against actuals:
 * - WAPE = Σ|A − F| / ΣA (weighted absolute percentage error; null when ΣA = 0);
 * - MAPE = mean of |A − F| / A over intervals with A > 0 (intervals without calls are left out, since the
 *   ratio is undefined there — one reason planners prefer WAPE);
 * - bias = Σ(F − A) / ΣA (positive: over-forecast).
 * @example wape([10, 0, 30], [12, 1, 27]) // (2 + 1 + 3) / 40 = 0.15
 */
export function wape(actual: readonly number[], forecast: readonly number[]): number | null {
  let num = 0;
  let den = 0;
  for (let i = 0; i < actual.length; i++) {
    num += Math.abs((actual[i] ?? 0) - (forecast[i] ?? 0));
    den += actual[i] ?? 0;
  }
  return den > 0 ? num / den : null;
}

export function mape(actual: readonly number[], forecast: readonly number[]): number | null {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i] ?? 0;
    if (a > 0) {
      sum += Math.abs(a - (forecast[i] ?? 0)) / a;
      n++;
    }
  }
  return n > 0 ? sum / n : null;
}

export function bias(actual: readonly number[], forecast: readonly number[]): number | null {
  let num = 0;
  let den = 0;
  for (let i = 0; i < actual.length; i++) {
    num += (forecast[i] ?? 0) - (actual[i] ?? 0);
    den += actual[i] ?? 0;
  }
  return den > 0 ? num / den : null;
}
