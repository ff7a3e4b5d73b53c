import { erlangB } from './erlang-b.ts';
import { logGamma, logGammaSeries, logRegularizedGammaP } from './incomplete-gamma.ts';
import type { QueueMetrics } from './traffic.ts';

/**
 * Erlang A (M/M/n+M): Poisson arrivals, exponential handle times (mean AHT = 1/μ), n agents, and callers
 * who hang up after an exponential patience (mean 1/θ) if not yet answered. A = λ/μ. Valid for any n ≥ 1,
 * also n ≤ A: abandonment keeps the queue finite.
 *
 * Exact closed forms (Garnett, Mandelbaum & Reiman 2002, "Designing a call center with impatient customers",
 * MSOM 4(3); Mandelbaum & Zeltyn 2004, "The impact of customers' patience on delay and abandonment"),
 * written with x = nμ/θ, y = λ/θ, ρ = A/n and the regularised lower incomplete gamma P(a, z):
 *
 *   J = Σⱼ≥₀ Πᵢ₌₁ʲ λ/(nμ + iθ) = eʸ·y⁻ˣ·Γ(x+1)·P(x, y)          (queue states relative to state n)
 *   P(wait)          = J / ((1−B)/B + J),  B = Erlang B(n, A)
 *   P(abandon|wait)  = 1 − 1/ρ + 1/(ρJ)                            (flow balance of the waiting states)
 *   ASA (all calls)  = P(abandon) / θ                               (Little: abandon rate = θ·E[queue])
 *   SL(T)            = 1 − P(wait) + P(wait) · [P(x+1, y) − P(x+1, y·e^(−θT))] / (ρ·P(x, y))
 *   occupancy        = A·(1 − P(abandon)) / n
 *
 * SL(T) is P(served and waited ≤ T) over all offered calls: the offered wait V of a queued caller has density
 * nμ·πₙ·exp(λ(1 − e^(−θt))/θ − nμt) and the caller is served if patience exceeds V, which has probability
 * e^(−θV); integrating e^(−θt) times that density over [0, T] gives the incomplete-gamma difference above.
 * Everything is computed from logarithms (J can exceed 10³⁰⁰ when λ/θ is large).
 *
 * @example erlangA({ agents: 14, traffic: 10, ahtSeconds: 180, patienceSeconds: 300, slSeconds: 20 })
 * // pWait 0.145260, pAbandon 0.013984, serviceLevel 0.916792, occupancy 0.704297
 */
export interface ErlangAInput {
  agents: number;
  traffic: number;
  ahtSeconds: number;
  /** Mean patience 1/θ in seconds (exponential). */
  patienceSeconds: number;
  slSeconds: number;
  /** Erlang B(n, A) when the caller already has it (staffing search). */
  erlangB?: number;
}

export function erlangA(input: ErlangAInput): QueueMetrics {
  const { agents: n, traffic: a, ahtSeconds, patienceSeconds, slSeconds } = input;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`Erlang A: agents must be a whole number ≥ 1, got ${n}`);
  if (!(a >= 0) || !Number.isFinite(a)) throw new RangeError(`Erlang A: traffic must be finite and ≥ 0, got ${a}`);
  if (!(ahtSeconds > 0)) throw new RangeError(`Erlang A: AHT must be > 0, got ${ahtSeconds}`);
  if (!(patienceSeconds > 0) || !Number.isFinite(patienceSeconds)) {
    throw new RangeError(
      `Erlang A: mean patience must be finite and > 0 seconds, got ${patienceSeconds} (use Erlang C for callers who never hang up)`,
    );
  }
  if (!(slSeconds >= 0)) throw new RangeError(`Erlang A: SL threshold must be ≥ 0, got ${slSeconds}`);
  if (a === 0) {
    return { agents: n, traffic: a, pWait: 0, pAbandon: 0, serviceLevel: 1, slSeconds, asaSeconds: 0, occupancy: 0 };
  }
  const ratio = patienceSeconds / ahtSeconds; // μ/θ, so x = nμ/θ = n·ratio and y = λ/θ = A·ratio
  const x = n * ratio;
  const y = a * ratio;
  const rho = a / n;
  const b = input.erlangB ?? erlangB(n, a);

  const q = waitingSums(x, y, rho);
  // (1−B)/B; B underflows to 0 only when n ≫ A, where no call ever waits (P(wait) < 1e-300).
  const pWait = b === 0 ? 0 : 1 / (1 + Math.exp(Math.log1p(-b) - Math.log(b) - q.logJ));
  const pAbandon = pWait * q.abandonGivenWait;

  // e^(−θT) = e^(−T/patience); the served-within-T share of queued calls is [P(x+1,y) − P(x+1,y·e^(−θT))] / (ρ·P(x,y)).
  const thetaT = slSeconds / patienceSeconds;
  const servedWithinGivenWait = (ratioToP(x, y, y, 0) - ratioToP(x, y, y * Math.exp(-thetaT), thetaT)) / rho;
  const serviceLevel = 1 - pWait + pWait * Math.min(1, Math.max(0, servedWithinGivenWait));

  return {
    agents: n,
    traffic: a,
    pWait,
    pAbandon,
    serviceLevel,
    slSeconds,
    asaSeconds: pAbandon * patienceSeconds,
    occupancy: (a * (1 - pAbandon)) / n,
  };
}

/**
 * ln J and P(abandon | wait). When y < x + 1 (no more calls than the agents clear, counting abandonment)
 * J = Σⱼ Tⱼ with Tⱼ = Πᵢ₌₁ʲ y/(x+i) is summed directly together with Σⱼ j·Tⱼ, and
 * P(abandon | wait) = θ·E[queue | wait]/λ = Σ j·Tⱼ / (y·J) — no cancellation, even when patience is very
 * long and the answer is 1e-8. Otherwise J = eʸy⁻ˣΓ(x+1)P(x, y) (huge) and 1 − 1/ρ + 1/(ρJ) is safe since ρ > 1.
 */
function waitingSums(x: number, y: number, rho: number): { logJ: number; abandonGivenWait: number } {
  if (y < x + 1) {
    let term = 1;
    let sum = 1;
    let weighted = 0;
    for (let j = 1; term > sum * 1e-17; j++) {
      term *= y / (x + j);
      sum += term;
      weighted += j * term;
    }
    return { logJ: Math.log(sum), abandonGivenWait: weighted / (y * sum) };
  }
  const logJ = logRegularizedGammaP(x, y) + y - x * Math.log(y) + logGamma(x + 1);
  return { logJ, abandonGivenWait: Math.max(0, 1 - (1 - Math.exp(-logJ)) / rho) };
}

/**
 * P(x + 1, w) / P(x, y) for w = y·e^(−s) (s ≥ 0). With both in the series range the Γ and power factors are
 * cancelled by hand: ratio = e^(−s·x) · w · e^(y−w) · S(x+1, w) / ((x+1)·S(x, y)), S the series sums —
 * avoiding ln Γ(x) terms of size 10⁹ when patience is long.
 */
function ratioToP(x: number, y: number, w: number, s: number): number {
  if (w === 0) return 0;
  if (y < x + 1) {
    const log = -s * x + Math.log(w) - y * Math.expm1(-s) + logGammaSeries(x + 1, w) - logGammaSeries(x, y) - Math.log(x + 1);
    return Math.exp(log);
  }
  return Math.exp(logRegularizedGammaP(x + 1, w) - logRegularizedGammaP(x, y));
}
