/**
 * Scoring one evaluation (质检评分) against a scorecard version.
 *
 *   section: possible = Σ maxPoints of its answered, non-N/A, non-bonus items
 *            earned   = Σ points of those items;  bonus = Σ points of its bonus items
 *            score    = min(100, 100 · (earned + bonus) / possible), or null when every item is N/A
 *            a failed section-critical item sets the score to 0
 *   total  = Σ weight_s · score_s / Σ weight_s over sections with a score (an all-N/A section's weight is
 *            spread over the others), or null when no section has one; 0 when a form-critical item failed.
 *
 * N/A removes the item from the points possible rather than giving it full marks, so a section of one
 * answered item scored 3 of 5 is 60, not pulled up by the items that did not apply. Bonus points can lift a
 * section to 100 but never past it, and never rescue a critical failure.
 *
 * @example
 * // section A (weight 2): items 10 pts → 8, 10 pts → N/A  ⇒ 80
 * // section B (weight 1): items 5 pts → 5, bonus 2 pts → 2 ⇒ min(100, 7/5) = 100
 * // total = (2·80 + 1·100) / 3 = 86.67
 */
import type { Answers, Scorecard, ScorecardItem } from './scorecard-schema.ts';

export interface SectionScore {
  id: string;
  earned: number;
  bonus: number;
  possible: number;
  /** 0–100, or null when every item was N/A. */
  score: number | null;
  /** Ids of this section's critical items that failed (either kind). */
  criticalFailed: string[];
}

export interface EvaluationScore {
  scorecardId: string;
  version: number;
  sections: SectionScore[];
  /** 0–100, or null when nothing applied. */
  total: number | null;
  /** Failed critical items that zero the whole form. */
  formCriticalFailed: string[];
  /** Failed critical items that zero their section. */
  sectionCriticalFailed: string[];
  naItems: string[];
}

/** Points an answer gives an item; throws RangeError naming the item for an answer that does not fit it. */
function itemPoints(item: ScorecardItem, answers: Answers): number | 'na' {
  const answer = answers[item.id];
  if (answer === undefined) {
    if (item.bonus) return 0;
    throw new RangeError(`item ${item.id}: no answer`);
  }
  if ('na' in answer) {
    if (!item.naAllowed) throw new RangeError(`item ${item.id}: N/A is not allowed`);
    return 'na';
  }
  if ('option' in answer) {
    const option = item.scale?.find((o) => o.label === answer.option);
    if (!option) throw new RangeError(`item ${item.id}: unknown option "${answer.option}"`);
    return option.points;
  }
  if (item.scale) throw new RangeError(`item ${item.id}: choose one of the scale options`);
  if (answer.points > item.maxPoints)
    throw new RangeError(`item ${item.id}: ${answer.points} exceeds maxPoints ${item.maxPoints}`);
  return answer.points;
}

/** Scores an evaluation; answers for ids not on the card are rejected (they would be silently lost). */
export function scoreEvaluation(card: Scorecard, answers: Answers): EvaluationScore {
  const known = new Set(card.sections.flatMap((s) => s.items.map((i) => i.id)));
  const stray = Object.keys(answers).filter((k) => !known.has(k));
  if (stray.length > 0) throw new RangeError(`item ${stray[0]}: not on scorecard ${card.id} v${card.version}`);
  const formCriticalFailed: string[] = [];
  const sectionCriticalFailed: string[] = [];
  const naItems: string[] = [];
  const sections = card.sections.map((section): SectionScore => {
    let earned = 0;
    let bonus = 0;
    let possible = 0;
    const criticalFailed: string[] = [];
    for (const item of section.items) {
      const points = itemPoints(item, answers);
      if (points === 'na') {
        naItems.push(item.id);
        continue;
      }
      if (item.bonus) {
        bonus += points;
        continue;
      }
      earned += points;
      possible += item.maxPoints;
      if (item.critical !== null && points < (item.passPoints ?? item.maxPoints)) {
        criticalFailed.push(item.id);
        (item.critical === 'form' ? formCriticalFailed : sectionCriticalFailed).push(item.id);
      }
    }
    let score = possible > 0 ? Math.min(100, (100 * (earned + bonus)) / possible) : null;
    if (score !== null && criticalFailed.some((id) => sectionCriticalFailed.includes(id))) score = 0;
    return { id: section.id, earned, bonus, possible, score, criticalFailed };
  });
  const scored = card.sections.map((s, i) => ({ weight: s.weight, score: sections[i].score })).filter((s) => s.score !== null);
  const weight = scored.reduce((sum, s) => sum + s.weight, 0);
  let total = scored.length === 0 ? null : scored.reduce((sum, s) => sum + s.weight * s.score!, 0) / weight;
  if (total !== null && formCriticalFailed.length > 0) total = 0;
  return { scorecardId: card.id, version: card.version, sections, total, formCriticalFailed, sectionCriticalFailed, naItems };
}
