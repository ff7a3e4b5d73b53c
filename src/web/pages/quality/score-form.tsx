import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluationScore } from '../../../domain/quality/scorecard.ts';
import { formatNumber } from '../../lib/format.ts';
import { type Answer, type Answers, liveScore, type Scorecard, type ScorecardItem } from './score-answers.ts';

/** The badges of an item: critical (section/form), bonus, N/A allowed. */
export function ItemBadges({ item }: { item: ScorecardItem }) {
  const { t } = useTranslation();
  return (
    <>
      {item.critical && <span className="badge qa-critical">{t(`qa.critical.${item.critical}`)}</span>}
      {item.bonus && <span className="badge">{t('qa.bonus')}</span>}
      {item.naAllowed && <span className="badge muted-badge">N/A</span>}
    </>
  );
}

function ItemInput({
  item,
  answer,
  onChange,
  disabled,
}: {
  item: ScorecardItem;
  answer: Answer | undefined;
  onChange: (a: Answer | undefined) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const na = answer !== undefined && 'na' in answer;
  return (
    <span className="row">
      {item.scale ? (
        <select
          name={`item-${item.id}`}
          aria-label={item.label}
          disabled={disabled || na}
          value={answer && 'option' in answer ? answer.option : ''}
          onChange={(e) => onChange(e.target.value ? { option: e.target.value } : undefined)}
        >
          <option value="">—</option>
          {item.scale.map((o) => (
            <option key={o.label} value={o.label}>
              {o.label} ({o.points})
            </option>
          ))}
        </select>
      ) : (
        <input
          name={`item-${item.id}`}
          aria-label={item.label}
          type="number"
          min={0}
          max={item.maxPoints}
          step="any"
          size={4}
          disabled={disabled || na}
          value={answer && 'points' in answer ? String(answer.points) : ''}
          onChange={(e) => onChange(e.target.value === '' ? undefined : { points: Number(e.target.value) })}
        />
      )}
      <span className="muted">
        / {item.maxPoints}
        {item.passPoints !== undefined ? ` (${t('qaPages.passAt', { points: item.passPoints })})` : ''}
      </span>
      {item.naAllowed && (
        <label className="row">
          <input
            type="checkbox"
            name={`na-${item.id}`}
            disabled={disabled}
            checked={na}
            onChange={(e) => onChange(e.target.checked ? { na: true } : item.scale ? undefined : { points: item.maxPoints })}
          />{' '}
          {t('qaPages.na')}
        </label>
      )}
    </span>
  );
}

/**
 * The scorecard's sections and items with an input per item and each section's live score. `extra` adds
 * something beside an item (e.g. the answer being disputed).
 */
export function ScoreInputs({
  card,
  answers,
  onChange,
  disabled,
  extra,
}: {
  card: Scorecard;
  answers: Answers;
  onChange: (next: Answers) => void;
  disabled?: boolean;
  extra?: (item: ScorecardItem) => ReactNode;
}) {
  const { score } = liveScore(card, answers);
  const set = (id: string, a: Answer | undefined) => {
    const next = { ...answers };
    if (a === undefined) delete next[id];
    else next[id] = a;
    onChange(next);
  };
  return (
    <>
      {card.sections.map((s, si) => (
        <fieldset key={s.id} className="qa-section">
          <legend>
            {s.label} <span className="muted">×{s.weight}</span> <SectionScore score={score} index={si} />
          </legend>
          {s.items.map((i) => (
            <div key={i.id} className="qa-item">
              <span>
                {i.label} <ItemBadges item={i} />
              </span>
              <ItemInput item={i} answer={answers[i.id]} disabled={disabled} onChange={(a) => set(i.id, a)} />
              {extra?.(i)}
            </div>
          ))}
        </fieldset>
      ))}
    </>
  );
}

function SectionScore({ score, index }: { score: EvaluationScore | null; index: number }) {
  const s = score?.sections[index];
  if (!s) return null;
  return <strong className="qa-section-score">{s.score === null ? 'N/A' : formatNumber(s.score, 'zh-CN', 1)}</strong>;
}

/** The live total as the server will compute it, or what still stops it from being computed. */
export function LiveTotal({ card, answers, label }: { card: Scorecard; answers: Answers; label?: string }) {
  const { t } = useTranslation();
  const { score, problem } = liveScore(card, answers);
  const failedCritical = score ? [...score.formCriticalFailed, ...score.sectionCriticalFailed] : [];
  return (
    <div className="qa-live-total" data-testid="live-total">
      {label ?? t('qaPages.liveTotal')}:{' '}
      <strong className="kpi-value">{score ? formatNumber(score.total, 'zh-CN', 1) : '—'}</strong>
      {failedCritical.length > 0 && (
        <span className="overdue"> {t('qaPages.criticalHit', { items: failedCritical.join(', ') })}</span>
      )}
      {problem && <span className="muted"> {problem}</span>}
    </div>
  );
}
