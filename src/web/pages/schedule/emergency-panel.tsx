import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/data-table.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useSignedIn } from '../../session/session-context.tsx';
import { Violations, violationsOf } from './schedule-parts.tsx';

interface Plan {
  uplift: number;
  intervals: { start: string; required: number; scheduled: number; shortfallBefore: number; shortfallAfter: number }[];
  proposals: { agent: string; start: string; end: string; minutes: number }[];
}

/** 应急排班: today's actual vs forecast calls → the shortfall for the rest of the day and overtime proposals to accept. */
export function EmergencyPanel({
  scheduleId,
  dates,
  skillGroups,
  onAccepted,
}: {
  scheduleId: number;
  dates: string[];
  skillGroups: string[];
  onAccepted: () => void;
}) {
  const { t } = useTranslation();
  const { api } = useSignedIn();
  const today = new Date().toISOString().slice(0, 10);
  const [form, setForm] = useState({
    date: dates.includes(today) ? today : (dates[0] ?? ''),
    skillGroup: skillGroups[0] ?? '',
    forecastCalls: '',
    actualCalls: '',
    now: new Date().toTimeString().slice(0, 5),
  });
  const [plan, setPlan] = useState<Plan | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const body = () => ({ date: form.date, skillGroup: form.skillGroup || skillGroups[0] });
  const compute = async () => {
    setError(null);
    setDone(null);
    try {
      setPlan(
        await api.post<Plan>(`/schedules/${scheduleId}/emergency`, {
          ...body(),
          forecastCalls: Number(form.forecastCalls),
          actualCalls: Number(form.actualCalls),
          now: form.now,
        }),
      );
    } catch (err) {
      setError(err);
    }
  };
  const accept = async () => {
    if (!plan) return;
    setError(null);
    try {
      const r = await api.post<{ added: number }>(`/schedules/${scheduleId}/emergency/accept`, {
        ...body(),
        proposals: plan.proposals.map(({ agent, start, end }) => ({ agent, start, end })),
      });
      setDone(String(r.added));
      setPlan(null);
      onAccepted();
    } catch (err) {
      setError(err);
    }
  };
  const refused = violationsOf(error);
  const short = plan?.intervals.filter((i) => i.shortfallBefore > 0) ?? [];
  return (
    <div className="panel" data-testid="emergency">
      <h2>{t('sched.emergency.title')}</h2>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          void compute();
        }}
      >
        <label>
          {t('sched.emergency.date')}{' '}
          <select value={form.date} onChange={(e) => setForm({ ...form, date: e.target.value })}>
            {dates.map((x) => (
              <option key={x} value={x}>
                {x}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('sched.emergency.skillGroup')}{' '}
          <select value={form.skillGroup} onChange={(e) => setForm({ ...form, skillGroup: e.target.value })}>
            {skillGroups.map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('sched.emergency.forecastCalls')}{' '}
          <input
            type="number"
            min={0}
            required
            value={form.forecastCalls}
            onChange={(e) => setForm({ ...form, forecastCalls: e.target.value })}
          />
        </label>
        <label>
          {t('sched.emergency.actualCalls')}{' '}
          <input
            type="number"
            min={0}
            required
            value={form.actualCalls}
            onChange={(e) => setForm({ ...form, actualCalls: e.target.value })}
          />
        </label>
        <label>
          {t('sched.emergency.now')}{' '}
          <input type="time" value={form.now} onChange={(e) => setForm({ ...form, now: e.target.value })} />
        </label>
        <button type="submit" className="button">
          {t('sched.emergency.compute')}
        </button>
      </form>
      {refused ? (
        <div className="alert alert-error" role="alert">
          {t('schedReq.refused')}
          <Violations check={refused} />
        </div>
      ) : (
        <ProblemAlert error={error} />
      )}
      {done && (
        <div className="alert alert-ok">
          {t('sched.emergency.accept')} ✓ {done}
        </div>
      )}
      {plan && (
        <>
          <p>{t('sched.emergency.uplift', { x: plan.uplift.toFixed(2) })}</p>
          <DataTable
            caption={t('sched.emergency.proposals')}
            rows={plan.proposals}
            rowKey={(p) => `${p.agent}|${p.start}`}
            columns={[
              { key: 'agent', header: t('reports.agent'), value: (p) => p.agent },
              { key: 'time', header: t('sched.time'), value: (p) => `${p.start}–${p.end}` },
            ]}
          />
          {plan.proposals.length === 0 ? (
            <p className="muted">{t('sched.emergency.none')}</p>
          ) : (
            <button type="button" className="button primary" onClick={() => void accept()}>
              {t('sched.emergency.accept')}
            </button>
          )}
          <DataTable
            caption={t('sched.emergency.shortfallBefore')}
            rows={short}
            rowKey={(i) => i.start}
            columns={[
              { key: 'start', header: t('sched.emergency.interval'), value: (i) => i.start },
              { key: 'req', header: t('sched.required'), numeric: true, value: (i) => i.required },
              { key: 'sch', header: t('sched.scheduled'), numeric: true, value: (i) => i.scheduled },
              { key: 'before', header: t('sched.emergency.shortfallBefore'), numeric: true, value: (i) => i.shortfallBefore },
              { key: 'after', header: t('sched.emergency.shortfallAfter'), numeric: true, value: (i) => i.shortfallAfter },
            ]}
          />
        </>
      )}
    </div>
  );
}
