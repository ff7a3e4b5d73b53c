import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { Page } from '../../api/types.ts';
import { useResource } from '../../api/use-resource.ts';
import { DataTable } from '../../components/data-table.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { Pager } from '../../components/pager.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatInstant } from '../../lib/format.ts';
import { useSignedIn } from '../../session/session-context.tsx';
import { orderColumns } from './order-columns.tsx';
import { CATEGORY_KEYS, type OrderListItem, STATUS_KEYS } from './types.ts';

const LIMIT = 50;
const CREATE_ROLES = ['agent', 'team_lead', 'manager'];

/** 工单列表: the orders this user may see, searchable in Chinese, with due and overdue at a glance. */
export default function WorkOrdersPage() {
  const { t } = useTranslation();
  const { user, center } = useSignedIn();
  const zone = center?.timeZone ?? 'Asia/Shanghai';
  const [params, setParams] = useSearchParams();
  const applied = {
    q: params.get('q') ?? '',
    status: params.get('status') ?? '',
    category: params.get('category') ?? '',
    overdue: params.get('overdue') ?? '',
  };
  const offset = Number(params.get('offset') ?? 0) || 0;
  const [draft, setDraft] = useState(applied);
  const base = orderColumns(t, zone);
  const col = (key: string) => base.find((c) => c.key === key) as (typeof base)[number];
  const list = useResource<Page<OrderListItem>>('/work-orders', {
    ...applied,
    overdue: applied.overdue || undefined,
    limit: LIMIT,
    offset,
  });
  const apply = (next: typeof applied, o = 0) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v) p.set(k, v);
    if (o) p.set('offset', String(o));
    setParams(p);
  };
  return (
    <section>
      <PageHeader
        title={t('nav.workOrders')}
        description={t('navDesc.workOrders')}
        actions={
          user.roles.some((r) => CREATE_ROLES.includes(r)) ? (
            <Link className="button primary" to="/work-orders/new">
              {t('wo.new')}
            </Link>
          ) : undefined
        }
      />
      <form
        className="panel filters"
        onSubmit={(e) => {
          e.preventDefault();
          apply(draft);
        }}
      >
        <label>
          {t('wo.search')}{' '}
          <input
            name="q"
            type="search"
            value={draft.q}
            placeholder={t('wo.searchHint')}
            onChange={(e) => setDraft({ ...draft, q: e.target.value })}
          />
        </label>
        <label>
          {t('wo.status')}{' '}
          <select value={draft.status} onChange={(e) => setDraft({ ...draft, status: e.target.value })}>
            <option value="">{t('common.all')}</option>
            {STATUS_KEYS.map((s) => (
              <option key={s} value={s}>
                {t(`wo.statuses.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('wo.category')}{' '}
          <select value={draft.category} onChange={(e) => setDraft({ ...draft, category: e.target.value })}>
            <option value="">{t('common.all')}</option>
            {CATEGORY_KEYS.map((c) => (
              <option key={c} value={c}>
                {t(`wo.categories.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={draft.overdue === 'true'}
            onChange={(e) => setDraft({ ...draft, overdue: e.target.checked ? 'true' : '' })}
          />{' '}
          {t('wo.overdueOnly')}
        </label>
        <button type="submit" className="button primary">
          {t('common.apply')}
        </button>
      </form>
      <ProblemAlert error={list.error} />
      <DataTable
        caption={t('nav.workOrders')}
        rows={list.data?.items ?? []}
        rowKey={(r) => r.id}
        loading={list.loading}
        exportName="work-orders"
        columns={[
          col('number'),
          col('title'),
          col('category'),
          {
            key: 'status',
            header: t('wo.status'),
            value: (r) => t(`wo.statuses.${r.status}`),
            render: (r) => <span className={`badge wo-${r.status}`}>{t(`wo.statuses.${r.status}`)}</span>,
          },
          { key: 'caller', header: t('wo.caller'), value: (r) => `${r.callerName ?? ''} ${r.callerPhone ?? ''}` },
          {
            key: 'createdAt',
            header: t('wo.createdAt'),
            numeric: true,
            value: (r) => r.createdAt,
            render: (r) => formatInstant(r.createdAt, zone),
          },
          col('dueAt'),
          { key: 'escalation', header: t('wo.escalation'), value: (r) => t(`wo.levels.${r.escalationLevel}`) },
        ]}
      />
      {list.data && <Pager total={list.data.total} limit={LIMIT} offset={offset} onChange={(o) => apply(applied, o)} />}
    </section>
  );
}
