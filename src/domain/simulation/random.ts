import { logGamma, regularizedGammaQ } from '../erlang/incomplete-gamma.ts';

/**
 * Seeded random numbers for simulations and the demo data: a uniform source on [0, 1) and the samplers
 * built on it. Domain code never calls Math.random(); the caller passes a generator so every run with
 * the same seed gives the same numbers on every machine.
 */
export type Uniform = () => number;

/**
 * xoshiro128** (Blackman & Vigna 2018, "Scrambled linear pseudorandom number generators"): 128-bit state,
 * period 2¹²⁸ − 1, passes BigCrush; 32-bit output scaled to [0, 1). Seeded through splitmix32 so that
 * nearby seeds (1, 2, 3 … for replications) give unrelated streams.
 *
 * @example const u = createRandom(42); u() // same value on every run
 */
export function createRandom(seed: number): Uniform {
  let z = seed >>> 0;
  const next = () => {
    z = (z + 0x9e3779b9) >>> 0;
    let t = z;
    t = Math.imul(t ^ (t >>> 16), 0x85ebca6b);
    t = Math.imul(t ^ (t >>> 13), 0xc2b2ae35);
    return (t ^ (t >>> 16)) >>> 0;
  };
  return xoshiro128ss([next(), next(), next(), next()]);
}

/** xoshiro128** from an explicit state (not all zero). */
export function xoshiro128ss(state: readonly [number, number, number, number]): Uniform {
  let [s0, s1, s2, s3] = state.map((v) => v >>> 0) as [number, number, number, number];
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1; // the all-zero state is a fixed point
  return () => {
    const r = Math.imul(s1, 5);
    const result = Math.imul((r << 7) | (r >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    return result / 4294967296;
  };
}

/** A seed for stream k of a base seed (replication k), spread by the golden-ratio constant. */
export function streamSeed(seed: number, stream: number): number {
  return (Math.imul(stream + 1, 0x9e3779b1) ^ seed) >>> 0;
}

/** Exponential with the given mean, by inversion: −mean·ln(1 − U). */
export function exponential(u: Uniform, mean: number): number {
  return -mean * Math.log(1 - u());
}

/** Standard normal by the Box–Muller transform (one of the pair; simple and stateless). */
export function standardNormal(u: Uniform): number {
  const r = Math.sqrt(-2 * Math.log(1 - u()));
  return r * Math.cos(2 * Math.PI * u());
}

export function normal(u: Uniform, mean: number, sd: number): number {
  return mean + sd * standardNormal(u);
}

/**
 * Lognormal with the given mean and coefficient of variation (sd / mean), the usual shape of handle times:
 * σ² = ln(1 + cv²), μ = ln(mean) − σ²/2, X = e^(μ + σZ).
 *
 * @example lognormal(u, 210, 0.7) // mean 210 s, sd 147 s
 */
export function lognormal(u: Uniform, mean: number, cv: number): number {
  const sigma2 = Math.log1p(cv * cv);
  return Math.exp(Math.log(mean) - sigma2 / 2 + Math.sqrt(sigma2) * standardNormal(u));
}

/**
 * Poisson with the given mean, by inversion: small means multiply uniforms (Knuth); larger means start at
 * the mode m with F(m) = Q(m + 1, mean) from the incomplete gamma function and walk up or down the pmf,
 * O(√mean) steps.
 */
export function poisson(u: Uniform, mean: number): number {
  if (!(mean >= 0)) throw new RangeError(`poisson: mean must be ≥ 0, got ${mean}`);
  if (mean === 0) return 0;
  if (mean < 30) {
    const limit = Math.exp(-mean);
    let k = 0;
    let p = u();
    while (p > limit) {
      k++;
      p *= u();
    }
    return k;
  }
  const v = u();
  let k = Math.floor(mean);
  let cdf = regularizedGammaQ(k + 1, mean); // P(X ≤ k)
  let pmf = Math.exp(-mean + k * Math.log(mean) - logGamma(k + 1));
  if (v <= cdf) {
    // Walk down while P(X ≤ k − 1) is still ≥ v.
    while (k > 0 && v <= cdf - pmf) {
      cdf -= pmf;
      pmf *= k / mean;
      k--;
    }
    return k;
  }
  while (v > cdf) {
    k++;
    pmf *= mean / k;
    cdf += pmf;
  }
  return k;
}
