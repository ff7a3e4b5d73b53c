import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useResource } from '../../api/use-resource.ts';
import { formatNumber } from '../../lib/format.ts';

interface Shift {
  date: string;
  shift: string;
  segments: { start: string; end: string }[];
}
interface Evaluation {
  id: number;
  score: number | null;
  evaluatedAt: string;
  acknowledged: boolean;
}

/** The agent's home: next shift, latest evaluations waiting for acknowledgement. */
export function AgentSummary() {
  const { t } = useTranslation();
  const shifts = useResource<{ items: Shift[] }>('/schedules/mine');
  const evals = useResource<{ items: Evaluation[] }>('/qa/evaluations', { limit: 5 });
  const today = new Date().toISOString().slice(0, 10);
  const next = shifts.data?.items.find((s) => s.date >= today);
  const pending = (evals.data?.items ?? []).filter((e) => !e.acknowledged);
  return (
    <div className="kpi-grid">
      <div className="panel kpi">
        <div className="kpi-label">{t('dashboard.nextShift')}</div>
        <div className="kpi-value">{next ? `${next.date.slice(5)} ${next.shift.split('·')[0]}` : '—'}</div>
        <div className="kpi-sub muted">
          {next ? next.segments.map((g) => `${g.start.slice(11, 16)}–${g.end.slice(11, 16)}`).join('，') : t('dashboard.noShift')}{' '}
          · <Link to="/schedule/mine">{t('nav.mySchedule')}</Link>
        </div>
      </div>
      <div className="panel kpi">
        <div className="kpi-label">{t('dashboard.lastScore')}</div>
        <div className="kpi-value num">{formatNumber(evals.data?.items[0]?.score ?? null, 'zh-CN', 1)}</div>
        <div className="kpi-sub muted">
          {t('dashboard.toAcknowledge', { n: pending.length })} · <Link to="/quality/evaluations">{t('nav.evaluations')}</Link>
        </div>
      </div>
    </div>
  );
}
