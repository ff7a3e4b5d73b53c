import type { QueueModel, SolveAnswer } from './staffing-types.ts';

/** The calculator's inputs as typed: shares in percent (80), durations in seconds; '' = not given. */
export interface CalculatorForm {
  calls: string;
  intervalSeconds: string;
  ahtSeconds: string;
  model: QueueModel;
  patienceSeconds: string;
  slPercent: string;
  slSeconds: string;
  maxAsaSeconds: string;
  maxAbandonPercent: string;
  maxOccupancyPercent: string;
  shrinkagePercent: string;
  /** Evaluate this many agents instead of searching ('' = search). */
  agents: string;
}

/** The reference case: 100 calls / 30 min, AHT 180 s, 80 % in 20 s, shrinkage 30 %. */
export const DEFAULT_FORM: CalculatorForm = {
  calls: '100',
  intervalSeconds: '1800',
  ahtSeconds: '180',
  model: 'c',
  patienceSeconds: '300',
  slPercent: '80',
  slSeconds: '20',
  maxAsaSeconds: '',
  maxAbandonPercent: '5',
  maxOccupancyPercent: '',
  shrinkagePercent: '30',
  agents: '',
};

/**
 * A typed number, or undefined when blank. Text that is not a number passes through as NaN → the
 * server's validation names the field, so the page never guesses.
 */
function num(s: string): number | undefined {
  return s.trim() === '' ? undefined : Number(s.trim());
}

/** Percent → share with float noise removed (80 → 0.8, 7 → 0.07). */
function share(s: string): number | undefined {
  const n = num(s);
  return n === undefined ? undefined : Math.round((n / 100) * 1e9) / 1e9;
}

/**
 * The body of POST /staffing/solve. Patience and the abandonment cap belong to Erlang A and are left out
 * with Erlang C (where nobody hangs up).
 *
 * @example solveRequest(DEFAULT_FORM) // { calls: 100, intervalSeconds: 1800, ahtSeconds: 180, model: 'c',
 * //   targets: { serviceLevel: 0.8, slSeconds: 20 }, shrinkage: 0.3 }
 */
export function solveRequest(f: CalculatorForm) {
  const a = f.model === 'a';
  const targets = {
    serviceLevel: share(f.slPercent),
    slSeconds: num(f.slSeconds),
    maxAsaSeconds: num(f.maxAsaSeconds),
    maxAbandonRate: a ? share(f.maxAbandonPercent) : undefined,
    maxOccupancy: share(f.maxOccupancyPercent),
  };
  return {
    calls: num(f.calls),
    intervalSeconds: num(f.intervalSeconds),
    ahtSeconds: num(f.ahtSeconds),
    model: f.model,
    patienceSeconds: a ? num(f.patienceSeconds) : undefined,
    targets: Object.fromEntries(Object.entries(targets).filter(([, v]) => v !== undefined)),
    shrinkage: share(f.shrinkagePercent) ?? 0,
    agents: num(f.agents),
  };
}

export type CalculatorWarning = 'slMetAbandonHigh' | 'noAbandonCap';

/**
 * Erlang A's trap: with short patience the callers who would wait long hang up, so SL looks fine while
 * many abandon. Warns when SL meets its target but abandonment exceeds the cap, and when no cap is given.
 */
export function calculatorWarnings(f: CalculatorForm, answer: SolveAnswer): CalculatorWarning[] {
  if (answer.model !== 'a' || !answer.defined) return [];
  const out: CalculatorWarning[] = [];
  const cap = share(f.maxAbandonPercent);
  const sl = share(f.slPercent);
  if (cap === undefined) out.push('noAbandonCap');
  else if (answer.pAbandon > cap && (sl === undefined || answer.serviceLevel >= sl)) out.push('slMetAbandonHigh');
  return out;
}
