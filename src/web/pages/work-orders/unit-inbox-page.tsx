import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '../../api/types.ts';
import { useResource } from '../../api/use-resource.ts';
import { DataTable } from '../../components/data-table.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatInstant } from '../../lib/format.ts';
import { useSignedIn } from '../../session/session-context.tsx';
import { ExtensionRequest, useOrderAction } from './order-actions.tsx';
import { orderColumns } from './order-columns.tsx';
import type { OrderListItem, UnitPart } from './types.ts';

/** The order statuses in which a unit may still have work on it. */
const OPEN_FOR_UNITS = 'dispatched,accepted,in_progress,replied';

/**
 * 承办单位待办: the orders dispatched to the user's unit with the unit's own step and deadline; accept, reply,
 * return with a reason or ask for more time right here (the order page has the full history).
 */
export default function UnitInboxPage() {
  const { t } = useTranslation();
  const { user, center } = useSignedIn();
  const zone = center?.timeZone ?? 'Asia/Shanghai';
  const list = useResource<Page<OrderListItem>>('/work-orders', { status: OPEN_FOR_UNITS, limit: 100 });
  const [selected, setSelected] = useState<number | null>(null);
  const [text, setText] = useState('');
  const mine = (r: OrderListItem): UnitPart | undefined =>
    r.units.find((u) => u.unitId === user.unitId && u.status !== 'returned');
  const rows = (list.data?.items ?? []).filter((r) => mine(r) && mine(r)?.status !== 'replied');
  const { act, error } = useOrderAction(() => {
    setText('');
    list.reload();
  });
  const current = rows.find((r) => r.id === selected);
  const step = current ? mine(current)?.status : undefined;
  return (
    <section>
      <PageHeader title={t('nav.unitInbox')} description={t('navDesc.unitInbox')} />
      <ProblemAlert error={list.error} />
      <DataTable
        caption={t('nav.unitInbox')}
        rows={rows}
        rowKey={(r) => r.id}
        loading={list.loading}
        exportName="unit-inbox"
        columns={[
          ...orderColumns(t, zone).filter((c) => c.key !== 'units' && c.key !== 'dueAt'),
          { key: 'myStatus', header: t('wo.inbox.myStatus'), value: (r) => t(`wo.statuses.${mine(r)?.status ?? ''}`) },
          {
            key: 'myDue',
            header: t('wo.dueAt'),
            numeric: true,
            value: (r) => mine(r)?.dueAt ?? '',
            render: (r) => (
              <span className={r.overdue ? 'overdue' : undefined}>
                {formatInstant(mine(r)?.dueAt ?? null, zone)}
                {r.overdue ? ` ${t('wo.overdue')}` : ''}
              </span>
            ),
          },
          {
            key: 'ext',
            header: t('wo.extension'),
            value: (r) => (mine(r)?.extensionStatus ? t(`wo.ext.${mine(r)?.extensionStatus}`) : ''),
          },
          {
            key: 'act',
            header: t('wo.actionsTitle'),
            exportable: false,
            value: () => '',
            render: (r) => (
              <span className="row">
                {mine(r)?.status === 'dispatched' && (
                  <button type="button" className="button primary" onClick={() => void act(r.id, { type: 'accept' })}>
                    {t('wo.actions.accept')}
                  </button>
                )}
                <button
                  type="button"
                  className="button"
                  aria-pressed={selected === r.id}
                  onClick={() => setSelected(selected === r.id ? null : r.id)}
                >
                  {t('wo.inbox.handle')}
                </button>
              </span>
            ),
          },
        ]}
      />
      {current && step && (
        <div className="panel wo-actions" data-testid="inbox-actions">
          <h2>
            {current.number} {current.title}
          </h2>
          <ProblemAlert error={error} />
          <label className="field">
            <span>{t('wo.inbox.text')}</span>
            <textarea rows={3} value={text} onChange={(e) => setText(e.target.value)} />
          </label>
          <div className="row">
            {step === 'accepted' && (
              <button type="button" className="button" onClick={() => void act(current.id, { type: 'start' })}>
                {t('wo.actions.start')}
              </button>
            )}
            {(step === 'accepted' || step === 'in_progress') && (
              <button
                type="button"
                className="button primary"
                disabled={!text.trim()}
                onClick={() => void act(current.id, { type: 'reply', reply: text })}
              >
                {t('wo.actions.reply')}
              </button>
            )}
            {(step === 'dispatched' || step === 'accepted') && (
              <button
                type="button"
                className="button danger"
                disabled={!text.trim()}
                onClick={() => void act(current.id, { type: 'return', reason: text })}
              >
                {t('wo.actions.return')}
              </button>
            )}
          </div>
          {(step === 'accepted' || step === 'in_progress') && (
            <ExtensionRequest reason={text} onSubmit={(body) => void act(current.id, body)} />
          )}
        </div>
      )}
    </section>
  );
}
