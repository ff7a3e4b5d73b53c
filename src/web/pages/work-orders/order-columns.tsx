import type { TFunction } from 'i18next';
import { Link } from 'react-router-dom';
import type { Column } from '../../components/column.ts';
import { formatInstant } from '../../lib/format.ts';
import type { OrderListItem } from './types.ts';

/** The columns every work-order list shows (list, board, inbox, callbacks): number, title, category, deadline, units. */
export function orderColumns(t: TFunction, zone: string): Column<OrderListItem>[] {
  return [
    {
      key: 'number',
      header: t('wo.number'),
      value: (r) => r.number,
      render: (r) => <Link to={`/work-orders/${r.id}`}>{r.number}</Link>,
    },
    { key: 'title', header: t('wo.title'), value: (r) => r.title },
    { key: 'category', header: t('wo.category'), value: (r) => t(`wo.categories.${r.category}`) },
    {
      key: 'dueAt',
      header: t('wo.dueAt'),
      numeric: true,
      value: (r) => r.dueAt ?? '',
      render: (r) => (
        <span className={r.overdue ? 'overdue' : undefined}>
          {r.dueAt ? formatInstant(r.dueAt, zone) : '—'}
          {r.overdue ? ` ${t('wo.overdue')}` : ''}
        </span>
      ),
    },
    {
      key: 'units',
      header: t('wo.units'),
      value: (r) => r.units.map((u) => `${u.unitName} ${t(`wo.statuses.${u.status}`)}`).join('；'),
    },
  ];
}
