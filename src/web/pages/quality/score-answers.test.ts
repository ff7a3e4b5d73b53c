import { describe, expect, test } from 'vitest';
import { scorecardSchema } from '../../../domain/quality/scorecard-schema.ts';
import { answerPoints, changedAnswers, clock, fullMarks, liveScore } from './score-answers.ts';

const card = scorecardSchema.parse({
  id: 'c',
  version: 1,
  name: 'card',
  sections: [
    {
      id: 'a',
      label: 'A',
      weight: 2,
      items: [
        { id: 'g', label: 'g', maxPoints: 10 },
        { id: 'v', label: 'v', maxPoints: 10, naAllowed: true },
      ],
    },
    {
      id: 'b',
      label: 'B',
      weight: 1,
      items: [
        {
          id: 't',
          label: 't',
          maxPoints: 5,
          scale: [
            { label: '良', points: 3 },
            { label: '优', points: 5 },
            { label: '差', points: 0 },
          ],
        },
        { id: 'x', label: 'x', maxPoints: 2, bonus: true },
      ],
    },
  ],
});

describe('scoring on the form', () => {
  test('full marks choose the best option and leave bonus items unanswered', () => {
    expect(fullMarks(card)).toEqual({ g: { points: 10 }, v: { points: 10 }, t: { option: '优' } });
    expect(liveScore(card, fullMarks(card)).score?.total).toBe(100);
  });

  test('the live total is the domain score: A = 8 of 10 with v N/A → 80, B = 3 + 2 bonus of 5 → 100, total (2·80 + 100)/3', () => {
    const r = liveScore(card, { g: { points: 8 }, v: { na: true }, t: { option: '良' }, x: { points: 2 } });
    expect(r.problem).toBeNull();
    expect(r.score?.total).toBeCloseTo(260 / 3, 10);
  });

  test('a problem names the item instead of a total', () => {
    const r = liveScore(card, { g: { points: 12 }, v: { points: 1 }, t: { option: '优' } });
    expect(r.score).toBeNull();
    expect(r.problem).toContain('item g');
  });

  test('points of an answer, and the changes a dispute proposes', () => {
    expect(answerPoints(card.sections[1]!.items[0]!, { option: '良' })).toBe(3);
    expect(answerPoints(card.sections[0]!.items[1]!, { na: true })).toBe('na');
    expect(answerPoints(card.sections[0]!.items[0]!, undefined)).toBeNull();
    expect(changedAnswers({ g: { points: 8 }, t: { option: '良' } }, { g: { points: 10 }, t: { option: '良' } })).toEqual({
      g: { points: 10 },
    });
  });

  test('recording positions read as m:ss', () => {
    expect(clock(0)).toBe('0:00');
    expect(clock(75.4)).toBe('1:15');
    expect(clock(3725)).toBe('1:02:05');
  });
});
