import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Column } from '../../components/column.ts';
import { downloadText } from '../../lib/download.ts';
import { type SortDirection, sortRows } from '../../lib/sort-rows.ts';
import { exportFileName, tableCsv } from '../../lib/table-csv.ts';

export interface TotalsTableProps<T> {
  columns: readonly Column<T>[];
  rows: readonly T[];
  /** The 合计 row, already computed from sums; shown in the footer and last in the CSV, never sorted. */
  total: T | null;
  rowKey: (row: T) => string;
  caption: string;
  exportName: string;
  loading?: boolean;
  toolbar?: ReactNode;
  /** Rows drawn at most (a month by agent at 15 minutes is tens of thousands); the CSV has them all. */
  maxRows?: number;
}

/**
 * The report table: DataTable's sortable headers and CSV export, plus a totals row in a <tfoot> that stays
 * at the bottom whatever the sort, and a cap on the rows drawn so a large report stays responsive.
 */
export function TotalsTable<T>({
  columns,
  rows,
  total,
  rowKey,
  caption,
  exportName,
  loading,
  toolbar,
  maxRows = 1000,
}: TotalsTableProps<T>) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<{ key: string; dir: SortDirection } | null>(null);
  const sorted = useMemo(() => {
    const col = sort && columns.find((c) => c.key === sort.key);
    return col && sort ? sortRows(rows, col.value, sort.dir) : [...rows];
  }, [rows, columns, sort]);
  const toggle = (key: string) =>
    setSort((s) => (s?.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' }));
  const exportCsv = () => {
    const csv = tableCsv(columns, total ? [...sorted, total] : sorted, [t('common.yes'), t('common.no')]);
    downloadText(exportFileName(exportName, new Date().toISOString().slice(0, 10)), csv);
  };
  const shown = sorted.slice(0, maxRows);
  const cell = (c: Column<T>, row: T) => (c.render ? c.render(row) : String(c.value(row) ?? ''));
  return (
    <div className="data-table">
      <div className="table-toolbar">
        <div className="table-toolbar-left">
          {toolbar}
          {sorted.length > maxRows && (
            <span className="muted">{t('reports.rowsCapped', { shown: maxRows, total: sorted.length })}</span>
          )}
        </div>
        <button type="button" className="button" onClick={exportCsv} disabled={rows.length === 0}>
          {t('common.exportCsv')}
        </button>
      </div>
      <div className="table-scroll">
        <table aria-busy={loading || undefined} className="report-table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => {
                const active = sort?.key === c.key;
                return (
                  <th
                    key={c.key}
                    scope="col"
                    className={c.numeric ? 'num' : undefined}
                    aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                  >
                    <span className="th-sort">
                      {c.headerNode ?? c.header}
                      <button
                        type="button"
                        className="sort-button"
                        onClick={() => toggle(c.key)}
                        aria-label={t('common.sortBy', { column: c.header })}
                      >
                        {active ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}
                      </button>
                    </span>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {shown.length === 0 ? (
              <tr>
                <td colSpan={columns.length} className="empty">
                  {loading ? t('app.loading') : t('common.noData')}
                </td>
              </tr>
            ) : (
              shown.map((row) => (
                <tr key={rowKey(row)}>
                  {columns.map((c) => (
                    <td key={c.key} className={c.numeric ? 'num' : undefined}>
                      {cell(c, row)}
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
          {total && rows.length > 0 && (
            <tfoot>
              <tr className="report-total">
                {columns.map((c) => (
                  <td key={c.key} className={c.numeric ? 'num' : undefined}>
                    {cell(c, total)}
                  </td>
                ))}
              </tr>
            </tfoot>
          )}
        </table>
      </div>
    </div>
  );
}
