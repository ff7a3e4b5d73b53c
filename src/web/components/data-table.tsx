import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadText } from '../lib/download.ts';
import { type SortDirection, sortRows } from '../lib/sort-rows.ts';
import { exportFileName, tableCsv } from '../lib/table-csv.ts';
import type { Column } from './column.ts';

export interface DataTableProps<T> {
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string | number;
  /** Accessible name of the table. */
  caption: string;
  /** File name stem for the CSV export; no export button without it. */
  exportName?: string;
  /** Extra controls in the toolbar (left of the export button). */
  toolbar?: ReactNode;
  loading?: boolean;
}

/**
 * A dense, sortable table. Column headers are buttons (keyboard sortable) and carry `aria-sort`; the CSV
 * export writes the rows in the order shown, through the spreadsheet-safe CSV writer.
 */
export function DataTable<T>({ columns, rows, rowKey, caption, exportName, toolbar, loading }: DataTableProps<T>) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<{ key: string; dir: SortDirection } | null>(null);
  const sorted = useMemo(() => {
    const col = sort && columns.find((c) => c.key === sort.key);
    return col && sort ? sortRows(rows, col.value, sort.dir) : [...rows];
  }, [rows, columns, sort]);

  const toggle = (key: string) =>
    setSort((s) => (s?.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' }));

  const exportCsv = () => {
    if (!exportName) return;
    const csv = tableCsv(columns, sorted, [t('common.yes'), t('common.no')]);
    downloadText(exportFileName(exportName, new Date().toISOString().slice(0, 10)), csv);
  };

  return (
    <div className="data-table">
      {(toolbar || exportName) && (
        <div className="table-toolbar">
          <div className="table-toolbar-left">{toolbar}</div>
          {exportName && (
            <button type="button" className="button" onClick={exportCsv} disabled={rows.length === 0}>
              {t('common.exportCsv')}
            </button>
          )}
        </div>
      )}
      <div className="table-scroll">
        <table aria-busy={loading || undefined}>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => {
                const active = sort?.key === c.key;
                const ariaSort = active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined;
                return (
                  <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined} aria-sort={ariaSort}>
                    {c.sortable === false ? (
                      (c.headerNode ?? c.header)
                    ) : (
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
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {sorted.length === 0 ? (
              <tr>
                <td colSpan={columns.length} className="empty">
                  {loading ? t('app.loading') : t('common.noData')}
                </td>
              </tr>
            ) : (
              sorted.map((row) => (
                <tr key={rowKey(row)}>
                  {columns.map((c) => (
                    <td key={c.key} className={c.numeric ? 'num' : undefined}>
                      {c.render ? c.render(row) : String(c.value(row) ?? '')}
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
