import { queryTokens } from '../text/segment.ts';
import type { EntityId } from './types.ts';

/**
 * Duplicate candidates (重复工单): the same caller about the same matter, offered to a team lead for merging.
 * Same caller: the phone numbers agree once reduced to digits without the +86 / 0086 country prefix. Same
 * matter: the Jaccard similarity |A ∩ B| / |A ∪ B| of the two texts' tokens (Han bigrams and Latin words, as a
 * search query sees them) reaches `minSimilarity`, within `withinMs` of each other.
 * @example 「小区噪音」 vs 「小区噪音扰民」: {小区, 区噪, 噪音} and {小区, 区噪, 噪音, 音扰, 扰民} → 3 / 5 = 0.6
 */
export interface DuplicateProbe {
  id: EntityId;
  callerPhone: string | null;
  text: string;
  createdAt: number;
}

export function normalisePhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.replace(/^(0086|86)(?=1\d{10}$)/, '');
}

export function textSimilarity(a: string, b: string): number {
  const A = new Set(queryTokens(a));
  const B = new Set(queryTokens(b));
  if (A.size === 0 && B.size === 0) return 0;
  let both = 0;
  for (const t of A) if (B.has(t)) both++;
  return both / (A.size + B.size - both);
}

export function duplicateCandidates(
  order: DuplicateProbe,
  others: readonly DuplicateProbe[],
  opts: { withinMs?: number; minSimilarity?: number } = {},
): { id: EntityId; similarity: number }[] {
  const withinMs = opts.withinMs ?? 30 * 86_400_000;
  const minSimilarity = opts.minSimilarity ?? 0.5;
  if (!order.callerPhone || !normalisePhone(order.callerPhone)) return [];
  const phone = normalisePhone(order.callerPhone);
  return others
    .filter(
      (o) =>
        o.id !== order.id &&
        o.callerPhone != null &&
        normalisePhone(o.callerPhone) === phone &&
        Math.abs(o.createdAt - order.createdAt) <= withinMs,
    )
    .map((o) => ({ id: o.id, similarity: textSimilarity(order.text, o.text) }))
    .filter((c) => c.similarity >= minSimilarity)
    .sort((x, y) => y.similarity - x.similarity);
}
