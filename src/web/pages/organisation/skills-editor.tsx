import { useTranslation } from 'react-i18next';
import type { SkillGroup } from '../../api/types.ts';

/** A skill row as edited: ids and proficiency as select values (text). */
export interface SkillRow {
  skillGroupId: string;
  proficiency: string;
}

/** Edited rows → the API's skills; rows without a group are dropped, a group listed twice keeps its last row. */
export function skillRowsToBody(rows: readonly SkillRow[]): { skillGroupId: number; proficiency: number }[] {
  const byGroup = new Map<number, number>();
  for (const r of rows) if (r.skillGroupId) byGroup.set(Number(r.skillGroupId), Number(r.proficiency));
  return [...byGroup].map(([skillGroupId, proficiency]) => ({ skillGroupId, proficiency }));
}

const LEVELS = ['1', '2', '3', '4', '5'];

/** The skills of an agent: one row per skill group with a proficiency 1–5 (5 = expert). */
export function SkillsEditor({
  rows,
  groups,
  error,
  onChange,
}: {
  rows: SkillRow[];
  groups: SkillGroup[];
  error?: string;
  onChange: (r: SkillRow[]) => void;
}) {
  const { t } = useTranslation();
  const update = (i: number, patch: Partial<SkillRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className={`field${error ? ' has-error' : ''}`}>
      <legend>{t('agent.skills')}</legend>
      {rows.map((r, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity yet; the inputs are controlled, so a removed row cannot leave stale state
        <div key={i} className="inline-row">
          <label>
            {t('agent.skillGroup')}{' '}
            <select
              name={`skills.${i}.skillGroupId`}
              value={r.skillGroupId}
              onChange={(e) => update(i, { skillGroupId: e.target.value })}
            >
              <option value="">—</option>
              {groups.map((g) => (
                <option key={g.id} value={String(g.id)}>
                  {g.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('agent.proficiency')}{' '}
            <select
              name={`skills.${i}.proficiency`}
              value={r.proficiency}
              onChange={(e) => update(i, { proficiency: e.target.value })}
            >
              {LEVELS.map((l) => (
                <option key={l} value={l}>
                  {l}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button small" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            {t('agent.removeSkill')}
          </button>
        </div>
      ))}
      <button type="button" className="button small" onClick={() => onChange([...rows, { skillGroupId: '', proficiency: '3' }])}>
        {t('agent.addSkill')}
      </button>
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}
