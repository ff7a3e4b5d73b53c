/**
 * The scorecard editor's working copy: text fields as typed, turned into a definition the API accepts and
 * checked with the same zod schema the server uses, so problems show at the field before saving.
 */
import { type ScaleOption, type Scorecard, scorecardSchema } from '../../../domain/quality/scorecard-schema.ts';

export interface DraftItem {
  id: string;
  label: string;
  maxPoints: string;
  mode: 'points' | 'scale';
  /** "优:10, 良:6, 差:0" */
  scale: string;
  naAllowed: boolean;
  critical: '' | 'section' | 'form';
  passPoints: string;
  bonus: boolean;
}
export interface DraftSection {
  id: string;
  label: string;
  weight: string;
  items: DraftItem[];
}
export interface Draft {
  key: string;
  name: string;
  sections: DraftSection[];
}

/** "优:10, 良:6, 差:0" (full-width ：，also accepted) → options; a part without a number is kept with NaN points so the schema names it. */
export function parseScale(text: string): ScaleOption[] {
  return text
    .split(/[,，;；]/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const m = /^(.*?)[:：]\s*(-?\d+(?:\.\d+)?)$/.exec(p);
      return m ? { label: m[1]!.trim(), points: Number(m[2]) } : { label: p, points: Number.NaN };
    });
}

export const formatScale = (options: readonly ScaleOption[]): string => options.map((o) => `${o.label}:${o.points}`).join(', ');

export function toDraft(key: string, card: Pick<Scorecard, 'name' | 'sections'>): Draft {
  return {
    key,
    name: card.name,
    sections: card.sections.map((s) => ({
      id: s.id,
      label: s.label,
      weight: String(s.weight),
      items: s.items.map((i) => ({
        id: i.id,
        label: i.label,
        maxPoints: String(i.maxPoints),
        mode: i.scale ? 'scale' : 'points',
        scale: i.scale ? formatScale(i.scale) : '',
        naAllowed: i.naAllowed,
        critical: i.critical ?? '',
        passPoints: i.passPoints === undefined ? '' : String(i.passPoints),
        bonus: i.bonus,
      })),
    })),
  };
}

export const blankItem = (n: number): DraftItem => ({
  id: `item${n}`,
  label: '',
  maxPoints: '10',
  mode: 'points',
  scale: '',
  naAllowed: false,
  critical: '',
  passPoints: '',
  bonus: false,
});
export const blankSection = (n: number): DraftSection => ({ id: `section${n}`, label: '', weight: '1', items: [blankItem(1)] });

/** The definition to POST (`{ name, sections }`), and the schema's problems by path (e.g. `sections.0.items.1.scale`). */
export function fromDraft(d: Draft): { definition: { name: string; sections: unknown[] }; problems: Map<string, string> } {
  const definition = {
    name: d.name,
    sections: d.sections.map((s) => ({
      id: s.id.trim(),
      label: s.label,
      weight: Number(s.weight),
      items: s.items.map((i) => ({
        id: i.id.trim(),
        label: i.label,
        maxPoints: Number(i.maxPoints),
        ...(i.mode === 'scale' ? { scale: parseScale(i.scale) } : {}),
        naAllowed: i.naAllowed,
        critical: i.critical || null,
        ...(i.passPoints.trim() !== '' ? { passPoints: Number(i.passPoints) } : {}),
        bonus: i.bonus,
      })),
    })),
  };
  const parsed = scorecardSchema.safeParse({ ...definition, id: d.key.trim() || '?', version: 1 });
  const problems = new Map<string, string>();
  if (!d.key.trim()) problems.set('key', 'required');
  if (!parsed.success)
    for (const i of parsed.error.issues) if (!problems.has(i.path.join('.'))) problems.set(i.path.join('.'), i.message);
  return { definition, problems };
}
