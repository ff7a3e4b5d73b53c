/**
 * Nelder–Mead downhill simplex minimisation (Nelder & Mead 1965, "A simplex method for function minimization",
 * Computer Journal 7(4)), with the standard coefficients: reflection 1, expansion 2, contraction ½, shrink ½.
 * No derivatives are needed, which suits a sum of squared one-step errors of a recursive smoother.
 * Stops after `maxEvaluations` calls of `f` or when the simplex's function values differ by less than `tolerance`.
 *
 * @example nelderMead(([x, y]) => (x! - 1) ** 2 + (y! + 2) ** 2, [0, 0]).x // ≈ [1, -2]
 */
export function nelderMead(
  f: (x: readonly number[]) => number,
  start: readonly number[],
  { step = 0.5, maxEvaluations = 400, tolerance = 1e-10 }: { step?: number; maxEvaluations?: number; tolerance?: number } = {},
): { x: number[]; value: number; evaluations: number } {
  const n = start.length;
  let evaluations = 0;
  const evaluate = (x: number[]) => {
    evaluations++;
    return { x, value: f(x) };
  };
  // Initial simplex: the start and one step along each axis.
  const simplex = [evaluate([...start])];
  for (let i = 0; i < n; i++) {
    const x = [...start];
    x[i]! += step;
    simplex.push(evaluate(x));
  }
  const along = (from: readonly number[], to: readonly number[], t: number) => from.map((v, i) => v + t * (to[i]! - v));
  while (evaluations < maxEvaluations) {
    simplex.sort((a, b) => a.value - b.value);
    const best = simplex[0]!;
    const worst = simplex[n]!;
    if (Math.abs(worst.value - best.value) <= tolerance * (Math.abs(best.value) + tolerance)) break;
    const centroid = Array(n).fill(0) as number[];
    for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) centroid[i]! += simplex[k]!.x[i]! / n;
    // Points on the line from the centroid through the worst vertex: t = −1 reflects, −2 expands, ½ contracts inside.
    const reflected = evaluate(along(centroid, worst.x, -1));
    if (reflected.value < best.value) {
      const expanded = evaluate(along(centroid, worst.x, -2));
      simplex[n] = expanded.value < reflected.value ? expanded : reflected;
    } else if (reflected.value < simplex[n - 1]!.value) {
      simplex[n] = reflected;
    } else {
      const outside = reflected.value < worst.value;
      const contracted = evaluate(along(centroid, worst.x, outside ? -0.5 : 0.5));
      if (contracted.value < (outside ? reflected.value : worst.value)) simplex[n] = contracted;
      else for (let k = 1; k <= n; k++) simplex[k] = evaluate(along(best.x, simplex[k]!.x, 0.5));
    }
  }
  simplex.sort((a, b) => a.value - b.value);
  return { x: simplex[0]!.x, value: simplex[0]!.value, evaluations };
}
