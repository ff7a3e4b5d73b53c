import { describe, expect, test } from 'vitest';
import { scoreEvaluation } from './scorecard.ts';
import { answersSchema, type ScorecardInput, scorecardSchema } from './scorecard-schema.ts';

const definition: ScorecardInput = {
  id: 'hotline',
  version: 3,
  name: '热线通话评分表',
  sections: [
    {
      id: 'open',
      label: '开场',
      weight: 2,
      items: [
        { id: 'greet', label: '标准问候语', maxPoints: 10 },
        { id: 'verify', label: '核实身份', maxPoints: 10, naAllowed: true, critical: 'section' },
      ],
    },
    {
      id: 'handle',
      label: '处理',
      weight: 1,
      items: [
        {
          id: 'answer',
          label: '答复准确',
          maxPoints: 5,
          scale: [
            { label: '优', points: 5 },
            { label: '良', points: 3 },
            { label: '差', points: 0 },
          ],
        },
        { id: 'extra', label: '主动关怀', maxPoints: 2, bonus: true },
        { id: 'privacy', label: '泄露隐私', maxPoints: 1, critical: 'form' },
      ],
    },
  ],
};
const card = scorecardSchema.parse(definition);

describe('scoreEvaluation', () => {
  test('the doc example: N/A leaves the points possible, bonus caps at 100, weights 2:1', () => {
    // open: 8 / 10 (verify N/A) = 80; handle: (5 + 1 + 2 bonus) / 6 = 133 → 100; total (2·80 + 100)/3.
    const r = scoreEvaluation(card, {
      greet: { points: 8 },
      verify: { na: true },
      answer: { option: '优' },
      extra: { points: 2 },
      privacy: { points: 1 },
    });
    expect(r.sections.map((s) => [s.id, s.earned, s.bonus, s.possible, s.score])).toEqual([
      ['open', 8, 0, 10, 80],
      ['handle', 6, 2, 6, 100],
    ]);
    expect(r.total).toBeCloseTo(260 / 3, 12);
    expect(r).toMatchObject({
      scorecardId: 'hotline',
      version: 3,
      naItems: ['verify'],
      formCriticalFailed: [],
      sectionCriticalFailed: [],
    });
  });
  test('without bonus the section is earned/possible; an unanswered bonus earns nothing', () => {
    // handle: (3 + 1) / 6 = 66.67; open: (10 + 10) / 20 = 100; total (200 + 66.67)/3 = 88.89
    const r = scoreEvaluation(card, {
      greet: { points: 10 },
      verify: { points: 10 },
      answer: { option: '良' },
      privacy: { points: 1 },
    });
    expect(r.sections[1].score).toBeCloseTo(400 / 6, 12);
    expect(r.total).toBeCloseTo((200 + 400 / 6) / 3, 12);
  });
  test('a failed section-critical item zeroes its section only', () => {
    const r = scoreEvaluation(card, {
      greet: { points: 10 },
      verify: { points: 0 },
      answer: { option: '优' },
      privacy: { points: 1 },
    });
    expect(r.sections[0]).toMatchObject({ score: 0, criticalFailed: ['verify'] });
    expect(r.sectionCriticalFailed).toEqual(['verify']);
    // (2·0 + 1·100)/3
    expect(r.total).toBeCloseTo(100 / 3, 12);
  });
  test('a failed form-critical item zeroes the total, bonus does not rescue it', () => {
    const r = scoreEvaluation(card, {
      greet: { points: 10 },
      verify: { points: 10 },
      answer: { option: '优' },
      extra: { points: 2 },
      privacy: { points: 0 },
    });
    expect(r.total).toBe(0);
    expect(r.formCriticalFailed).toEqual(['privacy']);
  });
  test('an all-N/A section drops out and its weight goes to the others', () => {
    const c = scorecardSchema.parse({
      id: 'x',
      version: 1,
      name: 'x',
      sections: [
        { id: 's1', label: 's1', weight: 3, items: [{ id: 'a', label: 'a', maxPoints: 4, naAllowed: true }] },
        { id: 's2', label: 's2', weight: 1, items: [{ id: 'b', label: 'b', maxPoints: 4 }] },
      ],
    });
    const r = scoreEvaluation(c, { a: { na: true }, b: { points: 1 } });
    expect(r.sections[0].score).toBeNull();
    expect(r.total).toBe(25);
    const none = scorecardSchema.parse({ ...c, sections: [c.sections[0]] });
    expect(scoreEvaluation(none, { a: { na: true } }).total).toBeNull();
  });
  test('answers that do not fit the card are rejected, naming the item', () => {
    const ok = { greet: { points: 10 }, verify: { points: 10 }, answer: { option: '优' }, privacy: { points: 1 } };
    expect(() => scoreEvaluation(card, { ...ok, greet: { na: true } })).toThrow('item greet: N/A is not allowed');
    expect(() => scoreEvaluation(card, { ...ok, greet: { points: 11 } })).toThrow('item greet: 11 exceeds maxPoints 10');
    expect(() => scoreEvaluation(card, { ...ok, answer: { option: '中' } })).toThrow('item answer: unknown option "中"');
    expect(() => scoreEvaluation(card, { ...ok, answer: { points: 5 } })).toThrow('item answer: choose one of the scale options');
    const { privacy: _, ...missing } = ok;
    expect(() => scoreEvaluation(card, missing)).toThrow('item privacy: no answer');
    expect(() => scoreEvaluation(card, { ...ok, ghost: { points: 1 } })).toThrow('item ghost: not on scorecard hotline v3');
  });
});

describe('scorecardSchema', () => {
  const issues = (input: unknown) => {
    const r = scorecardSchema.safeParse(input);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };
  test('applies defaults', () => {
    expect(card.sections[0].items[0]).toMatchObject({ naAllowed: false, critical: null, bonus: false });
  });
  test('rejects inconsistent definitions, naming the field', () => {
    const s = (items: unknown[]) => ({ id: 'x', version: 1, name: 'x', sections: [{ id: 's', label: 's', weight: 1, items }] });
    expect(
      issues(
        s([
          {
            id: 'a',
            label: 'a',
            maxPoints: 5,
            scale: [
              { label: 'y', points: 4 },
              { label: 'n', points: 0 },
            ],
          },
        ]),
      ),
    ).toEqual(['sections.0.items.0.scale: the best option must be worth maxPoints (5)']);
    expect(
      issues(
        s([
          { id: 'a', label: 'a', maxPoints: 1 },
          { id: 'b', label: 'b', maxPoints: 1, bonus: true, critical: 'form' },
        ]),
      ),
    ).toEqual(['sections.0.items.1.critical: a bonus item cannot be critical']);
    expect(
      issues(
        s([
          { id: 'a', label: 'a', maxPoints: 1 },
          { id: 'a', label: 'b', maxPoints: 1 },
        ]),
      ),
    ).toEqual(['sections.0.items.1.id: duplicate item id a']);
    expect(issues(s([{ id: 'b', label: 'b', maxPoints: 1, bonus: true }]))).toEqual([
      'sections.0.items: a section needs at least one item that is not a bonus',
    ]);
    expect(issues({ ...s([{ id: 'a', label: 'a', maxPoints: 1 }]), version: 0 })).toHaveLength(1);
  });
  test('answers schema accepts the three forms only', () => {
    expect(answersSchema.safeParse({ a: { na: true }, b: { points: 2 }, c: { option: '优' } }).success).toBe(true);
    expect(answersSchema.safeParse({ a: { points: -1 } }).success).toBe(false);
    expect(answersSchema.safeParse({ a: { points: 1, na: true } }).success).toBe(false);
  });
});
