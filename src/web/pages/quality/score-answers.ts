/**
 * Answers on the scoring form and the live total. The total is the domain's `scoreEvaluation` — the very
 * function the server scores with — so what the evaluator sees while scoring is what gets stored.
 */
import { type EvaluationScore, scoreEvaluation } from '../../../domain/quality/scorecard.ts';
import type { Answer, Answers, Scorecard, ScorecardItem } from '../../../domain/quality/scorecard-schema.ts';

export type { Answer, Answers, Scorecard, ScorecardItem };

/** Every item at full marks (the best scale option); bonus items unanswered (they earn nothing). 扣分制: start full, deduct. */
export function fullMarks(card: Scorecard): Answers {
  const out: Answers = {};
  for (const s of card.sections) {
    for (const i of s.items) {
      if (i.bonus) continue;
      out[i.id] = i.scale ? { option: [...i.scale].sort((a, b) => b.points - a.points)[0]!.label } : { points: i.maxPoints };
    }
  }
  return out;
}

/** The points an answer gives an item, 'na', or null when unanswered or not fitting. */
export function answerPoints(item: ScorecardItem, a: Answer | undefined): number | 'na' | null {
  if (!a) return null;
  if ('na' in a) return 'na';
  if ('option' in a) return item.scale?.find((o) => o.label === a.option)?.points ?? null;
  return a.points;
}

/** The live score, or the first problem (e.g. "item greeting: 12 exceeds maxPoints 10") while the answers do not fit. */
export function liveScore(card: Scorecard, answers: Answers): { score: EvaluationScore | null; problem: string | null } {
  try {
    return { score: scoreEvaluation(card, answers), problem: null };
  } catch (err) {
    return { score: null, problem: err instanceof Error ? err.message : String(err) };
  }
}

/** The items whose proposed answer differs from the current one: a dispute proposes only its changes. */
export function changedAnswers(current: Answers, proposed: Answers): Answers {
  const out: Answers = {};
  for (const [k, v] of Object.entries(proposed)) if (JSON.stringify(v) !== JSON.stringify(current[k])) out[k] = v;
  return out;
}

/** Seconds as m:ss (or h:mm:ss) for a recording position. @example clock(75.4) // '1:15' */
export function clock(seconds: number): string {
  const s = Math.floor(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
