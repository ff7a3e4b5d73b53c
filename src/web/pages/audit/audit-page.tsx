import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { AuditItem, Page } from '../../api/types.ts';
import { useResource } from '../../api/use-resource.ts';
import { ChangeDiff } from '../../components/change-diff.tsx';
import { Chart, type ChartOption } from '../../components/chart.tsx';
import { DataTable } from '../../components/data-table.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { Pager } from '../../components/pager.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { countPerDay } from '../../lib/count-per-day.ts';
import { dayRangeToInstants, formatInstant } from '../../lib/format.ts';
import { useSignedIn } from '../../session/session-context.tsx';

const LIMIT = 50;
const FILTERS = ['entity', 'actor', 'from', 'to'] as const;

/** 审计日志: who changed what and when, filtered by entity, actor and dates (center's calendar), newest first. */
export default function AuditPage() {
  const { t } = useTranslation();
  const { center } = useSignedIn();
  const zone = center?.timeZone ?? 'Asia/Shanghai';
  const [params, setParams] = useSearchParams();
  const applied = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])) as Record<(typeof FILTERS)[number], string>;
  const offset = Number(params.get('offset') ?? 0) || 0;
  const [draft, setDraft] = useState(applied);
  const range = dayRangeToInstants(applied.from, applied.to, zone);
  const list = useResource<Page<AuditItem>>('/audit', {
    entity: applied.entity,
    actor: applied.actor,
    ...range,
    limit: LIMIT,
    offset,
  });

  const perDay = useMemo(
    () =>
      countPerDay(
        (list.data?.items ?? []).map((i) => i.at),
        zone,
      ),
    [list.data, zone],
  );
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 40, right: 16, top: 16, bottom: 28 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: perDay.map((d) => d.day) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', name: t('audit.perDay'), data: perDay.map((d) => d.count), itemStyle: { color: '#3b6fb6' } }],
    }),
    [perDay, t],
  );

  const apply = (next: Record<string, string>, newOffset = 0) => {
    const p = new URLSearchParams();
    for (const f of FILTERS) if (next[f]) p.set(f, next[f]);
    if (newOffset) p.set('offset', String(newOffset));
    setParams(p);
  };

  return (
    <section>
      <PageHeader title={t('nav.audit')} description={t('navDesc.audit')} />
      <form
        className="panel filters"
        onSubmit={(e) => {
          e.preventDefault();
          apply(draft);
        }}
      >
        {FILTERS.map((f) => (
          <label key={f}>
            {t(`audit.${f}`)}{' '}
            <input
              name={f}
              type={f === 'from' || f === 'to' ? 'date' : 'text'}
              value={draft[f]}
              onChange={(e) => setDraft({ ...draft, [f]: e.target.value })}
            />
          </label>
        ))}
        <button type="submit" className="button primary">
          {t('common.apply')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            const empty = { entity: '', actor: '', from: '', to: '' };
            setDraft(empty);
            apply(empty);
          }}
        >
          {t('common.reset')}
        </button>
      </form>
      <ProblemAlert error={list.error} />
      {perDay.length > 1 && (
        <div className="panel">
          <h2>{t('audit.perDay')}</h2>
          <Chart option={option} height={160} ariaLabel={perDay.map((d) => `${d.day}: ${d.count}`).join(', ')} />
        </div>
      )}
      <DataTable
        caption={t('nav.audit')}
        rows={list.data?.items ?? []}
        rowKey={(r) => r.id}
        loading={list.loading}
        exportName="audit"
        columns={[
          { key: 'at', header: t('audit.at'), numeric: true, value: (r) => r.at, render: (r) => formatInstant(r.at, zone) },
          { key: 'actor', header: t('audit.actor'), value: (r) => r.actor },
          { key: 'action', header: t('audit.action'), value: (r) => r.action },
          { key: 'entity', header: t('audit.entity'), value: (r) => r.entity },
          { key: 'entityId', header: t('audit.entityId'), numeric: true, value: (r) => r.entityId },
          {
            key: 'changes',
            header: t('audit.changes'),
            sortable: false,
            value: (r) => JSON.stringify({ before: r.before, after: r.after }),
            render: (r) => <ChangeDiff before={r.before} after={r.after} />,
          },
        ]}
      />
      {list.data && <Pager total={list.data.total} limit={LIMIT} offset={offset} onChange={(o) => apply(applied, o)} />}
    </section>
  );
}
