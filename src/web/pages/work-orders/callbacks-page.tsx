import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '../../api/types.ts';
import { useResource } from '../../api/use-resource.ts';
import { DataTable } from '../../components/data-table.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useSignedIn } from '../../session/session-context.tsx';
import { useOrderAction } from './order-actions.tsx';
import { orderColumns } from './order-columns.tsx';
import { type OrderListItem, SATISFACTION_KEYS } from './types.ts';

const CLOSERS = ['team_lead', 'manager'];

/**
 * 回访: orders the units have replied to. The agent calls the caller back and records 满意 / 基本满意 (closes it)
 * or 不满意 (重办: back to the units, counted); a lead may close without a callback, with a note.
 */
export default function CallbacksPage() {
  const { t } = useTranslation();
  const { user, center } = useSignedIn();
  const zone = center?.timeZone ?? 'Asia/Shanghai';
  const list = useResource<Page<OrderListItem>>('/work-orders', { status: 'replied', limit: 100 });
  const [notes, setNotes] = useState<Record<number, string>>({});
  const canClose = user.roles.some((r) => CLOSERS.includes(r));
  const { act, error } = useOrderAction(list.reload);
  return (
    <section>
      <PageHeader title={t('nav.callbacks')} description={t('navDesc.callbacks')} />
      <ProblemAlert error={list.error ?? error} />
      <DataTable
        caption={t('nav.callbacks')}
        rows={list.data?.items ?? []}
        rowKey={(r) => r.id}
        loading={list.loading}
        exportName="callbacks"
        columns={[
          ...orderColumns(t, zone),
          { key: 'caller', header: t('wo.caller'), value: (r) => `${r.callerName ?? ''} ${r.callerPhone ?? ''}` },
          { key: 'redo', header: t('wo.redoCount'), numeric: true, value: (r) => r.redoCount },
          {
            key: 'note',
            header: t('wo.note'),
            exportable: false,
            value: () => '',
            render: (r) => (
              <input
                aria-label={`${t('wo.note')} ${r.number}`}
                value={notes[r.id] ?? ''}
                onChange={(e) => setNotes({ ...notes, [r.id]: e.target.value })}
              />
            ),
          },
          {
            key: 'act',
            header: t('wo.actionsTitle'),
            exportable: false,
            value: () => '',
            render: (r) => (
              <span className="row">
                {SATISFACTION_KEYS.map((s) => (
                  <button
                    key={s}
                    type="button"
                    className={`button${s === 'dissatisfied' ? ' danger' : ''}`}
                    onClick={() => void act(r.id, { type: 'callback', satisfaction: s, note: notes[r.id] || undefined })}
                  >
                    {t(`wo.satisfactions.${s}`)}
                  </button>
                ))}
                <button
                  type="button"
                  className="button"
                  disabled={!notes[r.id]?.trim()}
                  onClick={() => void act(r.id, { type: 'redo', reason: notes[r.id] })}
                >
                  {t('wo.actions.redo')}
                </button>
                {canClose && (
                  <button
                    type="button"
                    className="button"
                    disabled={!notes[r.id]?.trim()}
                    onClick={() => void act(r.id, { type: 'close', note: notes[r.id] })}
                  >
                    {t('wo.actions.close')}
                  </button>
                )}
              </span>
            ),
          },
        ]}
      />
    </section>
  );
}
