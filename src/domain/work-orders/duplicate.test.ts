import { expect, test } from 'vitest';
import { duplicateCandidates, normalisePhone, textSimilarity } from './duplicate.ts';

const D = 86_400_000;

test('similarity is the Jaccard index of bigram tokens (hand-computed)', () => {
  expect(textSimilarity('小区噪音', '小区噪音扰民')).toBe(3 / 5);
  expect(textSimilarity('小区噪音', '小区噪音')).toBe(1);
  expect(textSimilarity('小区噪音', '道路积水')).toBe(0);
  expect(textSimilarity('', '')).toBe(0);
});

test('same caller and same matter within the window; others left out', () => {
  const me = { id: 1, callerPhone: '+86 138-1234-5678', text: '幸福小区夜间施工噪音', createdAt: 40 * D };
  const others = [
    { id: 2, callerPhone: '13812345678', text: '幸福小区夜间施工噪音扰民', createdAt: 39 * D }, // 9 of 11 bigrams shared
    { id: 3, callerPhone: '13812345678', text: '和平路积水', createdAt: 39 * D }, // other matter
    { id: 4, callerPhone: '13900000000', text: '幸福小区夜间施工噪音', createdAt: 39 * D }, // other caller
    { id: 5, callerPhone: '008613812345678', text: '幸福小区夜间施工噪音', createdAt: 1 * D }, // too long ago
    { id: 1, callerPhone: '13812345678', text: '幸福小区夜间施工噪音', createdAt: 40 * D }, // itself
  ];
  expect(duplicateCandidates(me, others)).toEqual([{ id: 2, similarity: 9 / 11 }]);
  expect(duplicateCandidates(me, others, { withinMs: 60 * D }).map((c) => c.id)).toEqual([5, 2]);
  expect(duplicateCandidates({ ...me, callerPhone: null }, others)).toEqual([]);
  expect(normalisePhone('0086 138 1234 5678')).toBe('13812345678');
  expect(normalisePhone('010-12345678')).toBe('01012345678');
});
