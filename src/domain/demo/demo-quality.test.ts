import { describe, expect, test } from 'vitest';
import { evaluatorDeviations } from '../quality/evaluator-deviation.ts';
import { evaluatorTrends } from '../quality/evaluator-trend.ts';
import { scoreEvaluation } from '../quality/scorecard.ts';
import { scorecardSchema } from '../quality/scorecard-schema.ts';
import { createRandom } from '../simulation/random.ts';
import { DEMO_SCORECARD, demoCalibrations } from './demo-quality.ts';

describe('the demo calibration sessions', () => {
  const card = scorecardSchema.parse({ ...DEMO_SCORECARD, id: 'hotline', version: 1 });
  const pool = Array.from({ length: 40 }, (_, i) => ({ key: `c${i}`, agentNo: `10${i % 5}` }));
  const sessions = demoCalibrations(createRandom(7), pool);

  test('four sessions of eight contacts, each scored validly by the expert and two evaluators', () => {
    expect(sessions).toHaveLength(4);
    for (const s of sessions) {
      expect(s.contacts).toHaveLength(8);
      expect(s.scores).toHaveLength(24);
      for (const sc of s.scores) expect(() => scoreEvaluation(card, sc.answers)).not.toThrow();
    }
    expect(sessions.map((s) => s.daysAgo)).toEqual([10, 7, 4, 1]);
  });

  test("each session mixes good and poor calls, and every evaluator keeps the expert's verdict on the critical item", () => {
    for (const s of sessions) {
      const expert = s.scores
        .filter((sc) => sc.evaluator === 'manager')
        .map((sc) => scoreEvaluation(card, sc.answers).total ?? 0);
      expect(Math.max(...expert) - Math.min(...expert)).toBeGreaterThanOrEqual(15);
      const failed = new Map(
        s.scores.map((sc) => [
          `${sc.contactKey}|${sc.evaluator}`,
          scoreEvaluation(card, sc.answers).formCriticalFailed.length > 0,
        ]),
      );
      for (const c of s.contacts)
        for (const who of ['qa', 'qalead']) expect(failed.get(`${c.key}|${who}`)).toBe(failed.get(`${c.key}|manager`));
    }
  });

  test('against the expert, the lenient evaluator is flagged and the careful one is not', () => {
    const history = sessions.map((s, i) => ({
      sessionId: String(i),
      at: i,
      deviations: evaluatorDeviations(
        s.scores.map((sc) => ({
          contact: sc.contactKey,
          evaluator: sc.evaluator,
          score: scoreEvaluation(card, sc.answers).total,
        })),
        'manager',
      ),
    }));
    const trends = evaluatorTrends(history, { threshold: 5, lastK: 3, minN: 3 });
    expect(trends.find((t) => t.evaluator === 'qalead')?.flagged).toBe(true);
    expect(trends.find((t) => t.evaluator === 'qa')?.flagged).toBe(false);
  });
});
