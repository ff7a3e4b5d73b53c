/**
 * Test support: Erlang B and C in exact rational arithmetic (BigInt) for whole-number traffic, as a
 * high-precision reference independent of the floating-point recursion.
 *   n!·Σₖ₌₀ⁿ Aᵏ/k! = Vₙ with V₀ = 1, Vₘ = m·Vₘ₋₁ + Aᵐ, so B = Aⁿ / Vₙ and
 *   C = n·B / (n − A(1 − B)) = n·Aⁿ / (n·Vₙ − A·(Vₙ − Aⁿ)).
 */
function exactParts(n: number, a: number): { power: bigint; v: bigint } {
  const big = BigInt(a);
  let power = 1n;
  let v = 1n;
  for (let m = 1; m <= n; m++) {
    power *= big;
    v = BigInt(m) * v + power;
  }
  return { power, v };
}

/** p/q as a double, correctly rounded enough for a 1e-15 relative comparison. */
function ratio(p: bigint, q: bigint): number {
  const digits = 40n;
  const scaled = (p * 10n ** digits) / q;
  return Number(scaled) / 10 ** Number(digits);
}

export function erlangBExact(n: number, a: number): number {
  const { power, v } = exactParts(n, a);
  return ratio(power, v);
}

export function erlangCExact(n: number, a: number): number {
  const { power, v } = exactParts(n, a);
  const bn = BigInt(n);
  const ba = BigInt(a);
  return ratio(bn * power, bn * v - ba * (v - power));
}
