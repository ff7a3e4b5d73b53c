/**
 * Stationary distribution of a birth–death chain on states 0…K, solved numerically by detailed balance:
 * πₖ ∝ Πᵢ₌₁ᵏ birth(i−1)/death(i). Used as an independent check of the closed-form queue formulas
 * (M/M/n: death(k) = min(k, n)μ; M/M/n+M: death(k) = min(k, n)μ + max(k − n, 0)θ), truncated at a K
 * far enough out that the tail mass is negligible. Products are kept in log space to survive large n.
 *
 * @example stationaryDistribution(() => 1, (k) => 2 * k, 30) // Poisson(1/2) truncated — M/M/∞ with A = 0.5
 */
export function stationaryDistribution(
  birth: (k: number) => number,
  death: (k: number) => number,
  maxState: number,
): Float64Array {
  const logWeights = new Float64Array(maxState + 1);
  for (let k = 1; k <= maxState; k++) logWeights[k] = (logWeights[k - 1] ?? 0) + Math.log(birth(k - 1)) - Math.log(death(k));
  let top = Number.NEGATIVE_INFINITY;
  for (const w of logWeights) top = Math.max(top, w);
  const pi = new Float64Array(maxState + 1);
  let total = 0;
  for (let k = 0; k <= maxState; k++) {
    pi[k] = Math.exp((logWeights[k] ?? 0) - top);
    total += pi[k] ?? 0;
  }
  for (let k = 0; k <= maxState; k++) pi[k] = (pi[k] ?? 0) / total;
  return pi;
}
