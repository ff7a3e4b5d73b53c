import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { documentTokens, matchesQuery, normaliseText, queryTokens } from './segment.ts';

const doc = new Set(documentTokens('【急件】朝阳区幸福小区夜间施工噪音扰民，ＡＢＣ１２３；WeChat公众号无法登录'));

describe('Chinese search tokens', () => {
  test('finds words however the dictionary segments them', () => {
    for (const q of ['噪音', '施工噪音', '幸福小区', '朝阳区', '夜间施工', '扰民', '噪', '急件'])
      expect(matchesQuery(doc, q), q).toBe(true);
  });
  test('several words in one query must all be present; absent words do not match', () => {
    expect(matchesQuery(doc, '噪音 幸福小区')).toBe(true);
    expect(matchesQuery(doc, '噪音 停水')).toBe(false);
    expect(matchesQuery(doc, '停水')).toBe(false);
    // Both characters occur, but not next to each other: the bigram 噪民 is not in the text.
    expect(matchesQuery(doc, '噪民')).toBe(false);
  });
  test('full-width letters and digits fold to half width, Latin to lower case', () => {
    expect(normaliseText('ＡＢＣ１２３，')).toBe('abc123,');
    expect(matchesQuery(doc, 'abc123')).toBe(true);
    expect(matchesQuery(doc, 'ＡＢＣ１２３')).toBe(true);
    expect(matchesQuery(doc, 'wechat 登录')).toBe(true);
    expect(matchesQuery(doc, 'WeChat')).toBe(true);
    expect(matchesQuery(doc, 'email')).toBe(false);
  });
  test('query tokens are bigrams of Han runs plus Latin words; punctuation alone gives none', () => {
    expect(queryTokens('施工噪音')).toEqual(['施工', '工噪', '噪音']);
    expect(queryTokens('水')).toEqual(['水']);
    expect(queryTokens('和平路88号')).toEqual(['和平', '平路', '号', '88']);
    expect(queryTokens('，。！')).toEqual([]);
  });
  test('property: every contiguous piece of a document matches that document', () => {
    const chars = [...'朝阳区幸福小区夜间施工噪音扰民停水通知和平路号市民反映热线ABCabc0123 ，。'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { minLength: 1, maxLength: 30 }), fc.nat(), fc.nat(), (cs, i, len) => {
        const text = cs.join('');
        const start = i % text.length;
        const piece = text.slice(start, start + 1 + (len % 8));
        // A Latin piece cut inside a word (e.g. "bca" of "abca") is not a word of the text; test Han pieces.
        fc.pre(!/[a-z0-9]/i.test(piece));
        expect(matchesQuery(new Set(documentTokens(text)), piece)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
