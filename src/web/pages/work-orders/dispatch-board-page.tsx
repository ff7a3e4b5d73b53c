import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '../../api/types.ts';
import { useResource } from '../../api/use-resource.ts';
import { DataTable } from '../../components/data-table.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatInstant } from '../../lib/format.ts';
import { useSignedIn } from '../../session/session-context.tsx';
import { orderColumns } from './order-columns.tsx';
import type { OrderListItem } from './types.ts';

const SUPERVISORS = ['team_lead', 'manager', 'admin'];
/** Due soon: deadlines within the next 24 hours. */
const DUE_SOON_HOURS = 24;

/**
 * 派单台: what the dispatcher acts on — registered orders not yet dispatched, orders returned by units,
 * extension requests to decide, orders due soon or overdue, and (for leads) orders registered late after their
 * call. Computed from stored data at each load.
 */
export default function DispatchBoardPage() {
  const { t } = useTranslation();
  const { user, api, center } = useSignedIn();
  const zone = center?.timeZone ?? 'Asia/Shanghai';
  const supervisor = user.roles.some((r) => SUPERVISORS.includes(r));
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState('');
  const lists = {
    registered: useResource<Page<OrderListItem>>('/work-orders', { status: 'registered', limit: 50 }),
    returned: useResource<Page<OrderListItem>>('/work-orders', { status: 'returned', limit: 50 }),
    extensions: useResource<Page<OrderListItem>>('/work-orders', { extensionPending: 'true', limit: 50 }),
    dueSoon: useResource<Page<OrderListItem>>('/work-orders', { dueWithinHours: DUE_SOON_HOURS, limit: 50 }),
    overdue: useResource<Page<OrderListItem>>('/work-orders', { overdue: 'true', limit: 50 }),
    // 话后完成超时: orders registered more than 15 minutes after their call, for the team lead.
    lateCompletion: useResource<Page<OrderListItem>>(supervisor ? '/work-orders' : null, { lateCompletion: 'true', limit: 50 }),
  };
  const run = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      for (const l of Object.values(lists)) l.reload();
    } catch (err) {
      setError(err);
    }
  };
  const decide = (r: OrderListItem, approve: boolean) =>
    run(async () => {
      const note = approve ? undefined : (window.prompt(t('wo.board.rejectReason')) ?? '');
      if (!approve && !note?.trim()) return;
      await api.post(`/work-orders/${r.id}/actions`, approve ? { type: 'approveExtension' } : { type: 'rejectExtension', note });
    });
  const columns = orderColumns(t, zone);
  const extensionColumns = [
    ...columns,
    {
      key: 'extension',
      header: t('wo.extendUntil'),
      exportable: true,
      value: (r: OrderListItem) => r.units.find((u) => u.extensionStatus === 'pending')?.extensionUntil ?? '',
      render: (r: OrderListItem) => {
        const u = r.units.find((x) => x.extensionStatus === 'pending');
        return u ? `${u.unitName} → ${formatInstant(u.extensionUntil, zone)}` : '';
      },
    },
    ...(supervisor
      ? [
          {
            key: 'decide',
            header: t('wo.actionsTitle'),
            exportable: false,
            value: () => '',
            render: (r: OrderListItem) => (
              <span className="row">
                <button type="button" className="button primary" onClick={() => void decide(r, true)}>
                  {t('wo.actions.approveExtension')}
                </button>
                <button type="button" className="button" onClick={() => void decide(r, false)}>
                  {t('wo.actions.rejectExtension')}
                </button>
              </span>
            ),
          },
        ]
      : []),
  ];
  return (
    <section>
      <PageHeader
        title={t('nav.dispatchBoard')}
        description={t('navDesc.dispatchBoard')}
        actions={
          supervisor ? (
            <button
              type="button"
              className="button"
              onClick={() =>
                void run(async () => {
                  const r = await api.post<{ checked: number; raised: number }>('/work-orders/escalations');
                  setMessage(t('wo.board.escalated', r));
                })
              }
            >
              {t('wo.board.escalate')}
            </button>
          ) : undefined
        }
      />
      <ProblemAlert error={error} />
      {message && (
        <p className="muted" role="status">
          {message}
        </p>
      )}
      {(Object.keys(lists) as (keyof typeof lists)[])
        .filter((key) => supervisor || key !== 'lateCompletion')
        .map((key) => (
          <div key={key} className="panel" data-testid={`board-${key}`}>
            <h2>
              {t(`wo.board.${key}`)} <span className="muted num">{lists[key].data?.total ?? ''}</span>
            </h2>
            <ProblemAlert error={lists[key].error} />
            <DataTable
              caption={t(`wo.board.${key}`)}
              rows={lists[key].data?.items ?? []}
              rowKey={(r) => r.id}
              loading={lists[key].loading}
              columns={key === 'extensions' ? extensionColumns : columns}
            />
          </div>
        ))}
    </section>
  );
}
