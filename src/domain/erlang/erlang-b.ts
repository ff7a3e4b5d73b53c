/**
 * Erlang B (blocking probability of M/M/n/n): the share of calls that find all n lines busy when blocked
 * calls are lost. B(n, A) = (Aⁿ/n!) / Σₖ₌₀ⁿ Aᵏ/k!.
 *
 * Computed by the recursion B(0) = 1, B(k) = A·B(k−1) / (k + A·B(k−1)) — never factorials or powers,
 * which overflow past ~170 agents. The recursion is numerically stable (each step is a ratio of positives).
 * Source: Erlang (1917); the recursion e.g. in Koole, "Call Center Optimization" (2013), §4.2.
 *
 * @example erlangB(2, 1) // = (1/2) / (1 + 1 + 1/2) = 0.2
 */
export function erlangB(agents: number, traffic: number): number {
  checkArgs(agents, traffic);
  let b = 1;
  for (let k = 1; k <= agents; k++) b = (traffic * b) / (k + traffic * b);
  return b;
}

function checkArgs(agents: number, traffic: number): void {
  if (!Number.isInteger(agents) || agents < 0) throw new RangeError(`Erlang B: agents must be a whole number ≥ 0, got ${agents}`);
  if (!(traffic >= 0) || !Number.isFinite(traffic))
    throw new RangeError(`Erlang B: traffic must be finite and ≥ 0, got ${traffic}`);
}

/**
 * B(k, A) for one A and growing k, remembering every value computed: a staffing search asks for B at
 * a dozen n near each other, and each step of the recursion is reused instead of restarting from k = 0.
 */
export class ErlangBLadder {
  private values: Float64Array;
  private top = 0;

  constructor(readonly traffic: number) {
    checkArgs(0, traffic);
    this.values = new Float64Array(Math.max(16, Math.ceil(traffic * 1.2) + 16));
    this.values[0] = 1;
  }

  /** B(agents, traffic). */
  at(agents: number): number {
    if (!Number.isInteger(agents) || agents < 0)
      throw new RangeError(`Erlang B: agents must be a whole number ≥ 0, got ${agents}`);
    if (agents >= this.values.length) {
      const grown = new Float64Array(Math.max(agents + 1, this.values.length * 2));
      grown.set(this.values);
      this.values = grown;
    }
    const a = this.traffic;
    let b = this.values[this.top] ?? 1;
    for (let k = this.top + 1; k <= agents; k++) {
      b = (a * b) / (k + a * b);
      this.values[k] = b;
    }
    if (agents > this.top) this.top = agents;
    return this.values[agents] ?? b;
  }
}
