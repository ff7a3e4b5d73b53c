import { useTranslation } from 'react-i18next';
import { DATE_PRESETS, type DayRange, dayAfter, lastDayOf, presetOf, presetRange } from './date-presets.ts';

/**
 * From/to date inputs (the last day inclusive, as people pick it; the API's `to` is the day after) and the
 * quick picks 今天 昨天 本周 上周 本月 上月, counted on the center's calendar from `today`.
 */
export function RangeFilter({ range, today, onChange }: { range: DayRange; today: string; onChange: (r: DayRange) => void }) {
  const { t } = useTranslation();
  const chosen = presetOf(range, today);
  const last = lastDayOf(range.to);
  return (
    <>
      <label>
        {t('reports.fromDay')}{' '}
        <input
          type="date"
          name="from"
          value={range.from}
          max={last}
          onChange={(e) => e.target.value && onChange({ ...range, from: e.target.value })}
        />
      </label>
      <label>
        {t('reports.toDay')}{' '}
        <input
          type="date"
          name="to"
          value={last}
          min={range.from}
          onChange={(e) => e.target.value && onChange({ ...range, to: dayAfter(e.target.value) })}
        />
      </label>
      <fieldset className="report-presets">
        <legend className="visually-hidden">{t('reports.quickPick')}</legend>
        {DATE_PRESETS.map((p) => (
          <button
            key={p}
            type="button"
            className={`button small${chosen === p ? ' primary' : ''}`}
            aria-pressed={chosen === p}
            onClick={() => onChange(presetRange(p, today))}
          >
            {t(`reports.presets.${p}`)}
          </button>
        ))}
      </fieldset>
    </>
  );
}
