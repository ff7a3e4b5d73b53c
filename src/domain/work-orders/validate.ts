import type { Category, OrderContent, Priority } from './types.ts';

/**
 * Registration rules for a work order, as government hotlines (12345) write them in their 工单填写规范:
 * - the title names the place and sums up the matter, e.g. 「朝阳区幸福小区 夜间施工噪音扰民」;
 * - the content states when (time), where (place), what happened (what) and what the caller asks (demand),
 *   as far as the category needs them ({@link REQUIRED_CONTENT});
 * - an urgent order (急件) carries the mark in its title;
 * - a case between consultation/suggestion and complaint/help is filed as complaint/help ({@link resolveCategory}).
 */
export interface FieldIssue {
  path: string;
  message: string;
}

/** The mark written in front of an urgent order's title. */
export const URGENT_MARK = '【急件】';
/** Marks agents type that mean the same (recognised, and replaced by {@link URGENT_MARK}). */
const URGENT_MARK_RE = /^\s*(【急件】|【急】|\[急件?\]|［急件?］|\(急件?\)|（急件?）)\s*/u;

/** Content fields each category must give; consultation and suggestion need less than a complaint. */
export const REQUIRED_CONTENT: Record<Category, readonly (keyof OrderContent)[]> = {
  consultation: ['what'],
  suggestion: ['what', 'demand'],
  complaint: ['time', 'place', 'what', 'demand'],
  help: ['time', 'place', 'what', 'demand'],
  report: ['time', 'place', 'what'],
};

/** Shortest summary of the matter, in letters, digits or Han characters, besides the place and the mark. */
export const MIN_SUMMARY_CHARS = 4;

export function isMarkedUrgent(title: string): boolean {
  return URGENT_MARK_RE.test(title);
}

/** The title without any urgent mark. */
export function stripUrgentMark(title: string): string {
  return title.replace(URGENT_MARK_RE, '').trim();
}

/** The title with the canonical urgent mark once (or without any mark). @example markUrgent('[急]积水', true) === '【急件】积水' */
export function markUrgent(title: string, urgent: boolean): string {
  const plain = stripUrgentMark(title);
  return urgent ? `${URGENT_MARK}${plain}` : plain;
}

const wordChars = (s: string) => (s.match(/[\p{L}\p{N}]/gu) ?? []).join('');

/**
 * Where the title names the place: the whole place, or failing that its longest piece of at least four
 * characters (so 「幸福小区 噪音扰民」 names 「北京市朝阳区幸福小区」). Null when the title does not name it.
 */
export function placeInTitle(title: string, place: string): string | null {
  const t = wordChars(title);
  const p = wordChars(place);
  if (!p) return null;
  if (t.includes(p)) return p;
  for (let len = p.length - 1; len >= MIN_SUMMARY_CHARS; len--) {
    for (let i = 0; i + len <= p.length; i++) if (t.includes(p.slice(i, i + len))) return p.slice(i, i + len);
  }
  return null;
}

export interface OrderDraft {
  title: string;
  location: string;
  category: Category;
  content: OrderContent;
  priority?: Priority;
}

/**
 * Checks a draft; every issue names its field. An empty list means the order may be registered.
 * @example validateOrder({ title: '噪音', location: '朝阳区幸福小区', category: 'complaint', content: { what: '施工' } })
 * // → issues for title (no place), content.time, content.place, content.demand
 */
export function validateOrder(d: OrderDraft): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const title = stripUrgentMark(d.title);
  if (!d.location.trim()) issues.push({ path: 'location', message: '请填写事发地点' });
  else {
    const place = placeInTitle(title, d.location);
    if (!place) issues.push({ path: 'title', message: `标题须包含地点「${d.location.trim()}」` });
    else if (wordChars(title).replace(place, '').length < MIN_SUMMARY_CHARS) {
      issues.push({ path: 'title', message: `标题须概括诉求事项（地点以外至少${MIN_SUMMARY_CHARS}个字）` });
    }
  }
  if (d.priority === 'urgent' && !isMarkedUrgent(d.title))
    issues.push({ path: 'title', message: `急件须在标题标注${URGENT_MARK}` });
  if (d.priority === 'normal' && isMarkedUrgent(d.title)) issues.push({ path: 'title', message: '非急件不得标注急件' });
  for (const f of REQUIRED_CONTENT[d.category]) {
    if (!d.content[f]?.trim()) issues.push({ path: `content.${f}`, message: '此类工单必须填写' });
  }
  return issues;
}

// The stricter handling wins: complaint and help before report, suggestion and consultation.
const PRECEDENCE: readonly Category[] = ['complaint', 'help', 'report', 'suggestion', 'consultation'];

/**
 * The category to file under when a case fits several: one that is both consultation/suggestion and
 * complaint/help is treated as complaint/help.
 * @example resolveCategory(['consultation', 'help']) === 'help'
 */
export function resolveCategory(candidates: readonly Category[]): Category {
  const found = PRECEDENCE.find((c) => candidates.includes(c));
  if (!found) throw new RangeError('no category given');
  return found;
}
