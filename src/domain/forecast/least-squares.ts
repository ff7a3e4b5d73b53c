/**
 * Ordinary least squares β = (XᵀX)⁻¹ Xᵀy through the normal equations, solved by Cholesky with a tiny ridge
 * (1e-9 · trace / p) so a column that never varies in the data (a holiday flag in a history without holidays)
 * gives a zero coefficient instead of a singular matrix.
 * @example ols([[1, 0], [1, 1], [1, 2]], [1, 3, 5]) // [1, 2]  (y = 1 + 2x)
 */
export function ols(x: readonly (readonly number[])[], y: readonly number[]): number[] {
  const p = x[0]?.length ?? 0;
  const a = Array.from({ length: p }, () => Array(p).fill(0) as number[]);
  const b = Array(p).fill(0) as number[];
  for (let r = 0; r < x.length; r++) {
    const row = x[r]!;
    for (let i = 0; i < p; i++) {
      b[i]! += row[i]! * y[r]!;
      for (let j = 0; j <= i; j++) a[i]![j]! += row[i]! * row[j]!;
    }
  }
  let trace = 0;
  for (let i = 0; i < p; i++) trace += a[i]![i]!;
  const ridge = (1e-9 * trace) / Math.max(1, p);
  for (let i = 0; i < p; i++) {
    a[i]![i]! += ridge;
    for (let j = 0; j < i; j++) a[j]![i] = a[i]![j]!;
  }
  // Cholesky: a = L Lᵀ
  const l = Array.from({ length: p }, () => Array(p).fill(0) as number[]);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i]![j]!;
      for (let k = 0; k < j; k++) s -= l[i]![k]! * l[j]![k]!;
      l[i]![j] = i === j ? Math.sqrt(Math.max(s, 1e-300)) : s / l[j]![j]!;
    }
  }
  const z = Array(p).fill(0) as number[];
  for (let i = 0; i < p; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i]![k]! * z[k]!;
    z[i] = s / l[i]![i]!;
  }
  const beta = Array(p).fill(0) as number[];
  for (let i = p - 1; i >= 0; i--) {
    let s = z[i]!;
    for (let k = i + 1; k < p; k++) s -= l[k]![i]! * beta[k]!;
    beta[i] = s / l[i]![i]!;
  }
  return beta;
}
