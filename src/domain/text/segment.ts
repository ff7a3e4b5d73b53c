/**
 * Search tokens for Chinese (and mixed) text.
 *
 * A document is indexed with (1) the words of Intl.Segmenter('zh', { granularity: 'word' }) — ICU's dictionary
 * segmentation — (2) every character and every pair of adjacent characters (bigram) of each run of Han characters,
 * and (3) Latin words and numbers. A query is turned into the bigrams of its Han runs (a single Han character
 * stays a unigram) and its Latin words and numbers; it matches a document when every query token is among the
 * document's tokens. Bigrams make the match independent of how the dictionary splits words: 施工噪音 finds
 * 夜间施工噪音扰民 although ICU might cut either differently (the bigram method of CJK search engines, e.g.
 * Lucene's CJKAnalyzer). The dictionary words stay in the index so a ranking can prefer whole-word hits.
 * Text is folded with NFKC (full-width ＡＢＣ１２３ → ABC123, full-width punctuation → ASCII) and lower-cased.
 * @example documentTokens('噪音扰民') ⊇ ['噪音', '扰', '民', '噪音', '音扰', '扰民']; queryTokens('噪音') = ['噪音']
 */
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const HAN_RUN = /\p{Script=Han}+/gu;
const HAN = /\p{Script=Han}/u;

/** NFKC (full width → half width) and lower case. */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function* hanGrams(run: string, unigrams: boolean): Generator<string> {
  if (run.length === 1 || unigrams) yield* run;
  for (let i = 0; i + 1 < run.length; i++) yield run.slice(i, i + 2);
}

/** Latin words and numbers as the segmenter cuts them (the same on both sides, so they always agree). */
function* otherWords(norm: string): Generator<string> {
  for (const s of segmenter.segment(norm.replace(HAN_RUN, ' '))) if (s.isWordLike) yield s.segment;
}

/** The tokens to index for a document (title, place and content joined). */
export function documentTokens(text: string): string[] {
  const norm = normaliseText(text);
  const out = new Set<string>();
  for (const s of segmenter.segment(norm)) if (s.isWordLike && HAN.test(s.segment) && s.segment.length >= 2) out.add(s.segment);
  for (const run of norm.match(HAN_RUN) ?? []) for (const g of hanGrams(run, true)) out.add(g);
  for (const w of otherWords(norm)) out.add(w);
  return [...out];
}

/** Former name of {@link documentTokens} (the server stores its output). */
export const searchTokens = documentTokens;

/** The tokens a query must all match. Empty for a query with no word characters (matches everything). */
export function queryTokens(query: string): string[] {
  const norm = normaliseText(query);
  const out = new Set<string>();
  for (const run of norm.match(HAN_RUN) ?? []) for (const g of hanGrams(run, false)) out.add(g);
  for (const w of otherWords(norm)) out.add(w);
  return [...out];
}

/** Does a document with these tokens match the query? */
export function matchesQuery(docTokens: ReadonlySet<string>, query: string): boolean {
  return queryTokens(query).every((t) => docTokens.has(t));
}
