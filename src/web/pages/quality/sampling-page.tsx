import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useResource } from '../../api/use-resource.ts';
import { DataTable } from '../../components/data-table.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatInstant } from '../../lib/format.ts';
import { canEdit, navEntry } from '../../navigation.ts';
import { useSignedIn } from '../../session/session-context.tsx';
import type { QaSample } from './quality-types.ts';

const CRITERIA = ['complaint', 'longest_handle', 'low_satisfaction', 'transferred', 'repeat_caller'] as const;
type Criterion = (typeof CRITERIA)[number];
interface DrawAnswer {
  drawn: number;
  unmappedAgents: number;
  shortfalls: { agent: string; period: string; reason: string; wanted: number; got: number }[];
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** 抽样: a plan (quota per agent and period, filters, targeted criteria) drawn with a seed; samples replaced or removed with the reason. */
export default function SamplingPage() {
  const { t } = useTranslation();
  const { api, user, center } = useSignedIn();
  const zone = center?.timeZone ?? 'Asia/Shanghai';
  const editable = canEdit(user.roles, navEntry('sampling'));
  const today = new Date();
  const [form, setForm] = useState({
    name: `${isoDay(today).slice(0, 7)} 抽样`,
    from: isoDay(new Date(today.getTime() - 7 * 86_400_000)),
    to: isoDay(today),
    period: 'week',
    quota: '3',
    queues: '',
    minHandle: '',
    maxHandle: '',
    seed: '1',
  });
  const [targeted, setTargeted] = useState<Partial<Record<Criterion, string>>>({ complaint: '1' });
  const [plan, setPlan] = useState('');
  const list = useResource<{ items: QaSample[] }>('/qa/samples', { plan: plan || undefined, limit: 500 });
  const [drawn, setDrawn] = useState<DrawAnswer | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [changing, setChanging] = useState<{ id: number; replace: boolean } | null>(null);
  const [reason, setReason] = useState('');
  const plans = [...new Set((list.data?.items ?? []).map((s) => s.plan))];
  const set = (k: keyof typeof form, v: string) => setForm({ ...form, [k]: v });

  const draw = () => {
    setError(null);
    const queues = form.queues.split(/[,，\s]+/).filter(Boolean);
    api
      .post<DrawAnswer>('/qa/samples', {
        name: form.name,
        from: form.from,
        to: form.to,
        seed: Number(form.seed),
        plan: {
          period: form.period,
          quota: Number(form.quota),
          filters: {
            ...(queues.length ? { queues } : {}),
            ...(form.minHandle ? { minHandleSeconds: Number(form.minHandle) } : {}),
            ...(form.maxHandle ? { maxHandleSeconds: Number(form.maxHandle) } : {}),
          },
          targeted: CRITERIA.filter((c) => Number(targeted[c] ?? 0) > 0).map((c) => ({
            criterion: c,
            perAgent: Number(targeted[c]),
          })),
        },
      })
      .then((r) => {
        setDrawn(r);
        setPlan(form.name);
        list.reload();
      }, setError);
  };
  const change = () => {
    if (!changing) return;
    setError(null);
    api.post(`/qa/samples/${changing.id}/replace`, { reason, replace: changing.replace }).then(() => {
      setChanging(null);
      setReason('');
      list.reload();
    }, setError);
  };

  return (
    <section>
      <PageHeader title={t('nav.sampling')} description={t('navDesc.sampling')} />
      <p className="muted">{t('qaPages.samplingHelp')}</p>
      <ProblemAlert error={error ?? list.error} />
      {editable && (
        <form
          className="panel"
          onSubmit={(e) => {
            e.preventDefault();
            draw();
          }}
        >
          <div className="filters">
            <label>
              {t('qaPages.planName')}{' '}
              <input type="text" name="plan-name" value={form.name} onChange={(e) => set('name', e.target.value)} />
            </label>
            <label>
              {t('qaPages.from')} <input type="date" value={form.from} onChange={(e) => set('from', e.target.value)} />
            </label>
            <label>
              {t('qaPages.to')} <input type="date" value={form.to} onChange={(e) => set('to', e.target.value)} />
            </label>
            <label>
              {t('qaPages.period')}{' '}
              <select value={form.period} onChange={(e) => set('period', e.target.value)}>
                {['day', 'week', 'month'].map((p) => (
                  <option key={p} value={p}>
                    {t(`qaPages.periods.${p}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('qaPages.quota')}{' '}
              <input
                type="number"
                name="quota"
                min={0}
                max={100}
                style={{ width: 64 }}
                value={form.quota}
                onChange={(e) => set('quota', e.target.value)}
              />
            </label>
          </div>
          <div className="filters">
            <label>
              {t('qaPages.queues')} <input type="text" value={form.queues} onChange={(e) => set('queues', e.target.value)} />
            </label>
            <label>
              {t('qaPages.minHandle')}{' '}
              <input
                type="number"
                min={0}
                style={{ width: 80 }}
                value={form.minHandle}
                onChange={(e) => set('minHandle', e.target.value)}
              />
            </label>
            <label>
              {t('qaPages.maxHandle')}{' '}
              <input
                type="number"
                min={0}
                style={{ width: 80 }}
                value={form.maxHandle}
                onChange={(e) => set('maxHandle', e.target.value)}
              />
            </label>
            <label>
              {t('qaPages.seed')}{' '}
              <input type="number" style={{ width: 64 }} value={form.seed} onChange={(e) => set('seed', e.target.value)} />
            </label>
          </div>
          <fieldset className="field">
            <legend>{t('qaPages.targeted')}</legend>
            <div className="filters">
              {CRITERIA.map((c) => (
                <label key={c}>
                  {t(`qaPages.reasons.${c}`)}{' '}
                  <input
                    type="number"
                    min={0}
                    max={20}
                    style={{ width: 52 }}
                    value={targeted[c] ?? ''}
                    placeholder="0"
                    onChange={(e) => setTargeted({ ...targeted, [c]: e.target.value })}
                  />
                </label>
              ))}
            </div>
          </fieldset>
          <button type="submit" className="button primary">
            {t('qaPages.draw')}
          </button>
          {drawn && (
            <p role="status">
              {t('qaPages.drawn', { n: drawn.drawn })}
              {drawn.shortfalls.length > 0 && `；${t('qaPages.shortfalls', { n: drawn.shortfalls.length })}`}
              {drawn.unmappedAgents > 0 && `；${t('qaPages.unmapped', { n: drawn.unmappedAgents })}`}
            </p>
          )}
        </form>
      )}
      {changing && (
        <form
          className="panel filters"
          onSubmit={(e) => {
            e.preventDefault();
            change();
          }}
        >
          <strong>
            {changing.replace ? t('qaPages.replace') : t('qaPages.removeSample')} #{changing.id}
          </strong>
          <input
            type="text"
            name="change-reason"
            size={40}
            placeholder={t('qaPages.reasonRequired')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <button type="submit" className="button primary" disabled={reason.trim().length < 2}>
            {t('common.save')}
          </button>
          <button type="button" className="button" onClick={() => setChanging(null)}>
            {t('common.cancel')}
          </button>
        </form>
      )}
      <div className="panel filters">
        <label>
          {t('qaPages.planName')}{' '}
          <select value={plan} onChange={(e) => setPlan(e.target.value)}>
            <option value="">{t('common.all')}</option>
            {plans.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
      </div>
      <DataTable
        caption={t('qaPages.samples')}
        rows={list.data?.items ?? []}
        rowKey={(s) => s.id}
        loading={list.loading}
        exportName="qa-samples"
        columns={[
          { key: 'agent', header: t('reports.agent'), value: (s) => s.agent },
          {
            key: 'enteredAt',
            header: t('qaPages.contact'),
            value: (s) => s.enteredAt ?? s.contactKey,
            render: (s) => (s.enteredAt ? formatInstant(s.enteredAt, zone) : s.contactKey),
          },
          {
            key: 'reason',
            header: t('qaPages.reason'),
            value: (s) => t(`qaPages.reasons.${s.reason}`, { defaultValue: s.reason }),
          },
          { key: 'plan', header: t('qaPages.planName'), value: (s) => s.plan },
          { key: 'status', header: t('qa.status'), value: (s) => t(`qaPages.sampleStatus.${s.status}`) },
          { key: 'changeReason', header: t('qaPages.changeReason'), value: (s) => s.changeReason ?? '' },
          {
            key: 'actions',
            header: '',
            sortable: false,
            value: () => '',
            render: (s) =>
              s.status === 'selected' ? (
                <span className="row">
                  {user.roles.includes('qa') && (
                    <Link
                      className="button small"
                      to={`/quality/evaluate?agent=${s.agentId}&contact=${encodeURIComponent(s.contactKey)}`}
                    >
                      {t('qaPages.evaluateThis')}
                    </Link>
                  )}
                  {editable && (
                    <button type="button" className="button small" onClick={() => setChanging({ id: s.id, replace: true })}>
                      {t('qaPages.replace')}
                    </button>
                  )}
                  {editable && (
                    <button type="button" className="button small" onClick={() => setChanging({ id: s.id, replace: false })}>
                      {t('qaPages.removeSample')}
                    </button>
                  )}
                </span>
              ) : null,
          },
        ]}
      />
    </section>
  );
}
