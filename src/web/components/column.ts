import type { ReactNode } from 'react';

/** One column of a {@link DataTable}. */
export interface Column<T> {
  key: string;
  /** Header text: shown, announced, and the CSV header. */
  header: string;
  /** Shown instead of `header` in the table (e.g. a MetricLabel with its definition). */
  headerNode?: ReactNode;
  /** The raw value: sorts the column and fills the CSV cell. */
  value: (row: T) => unknown;
  /** What the cell shows; defaults to the value as text. */
  render?: (row: T) => ReactNode;
  /** Right-aligned with tabular figures. */
  numeric?: boolean;
  sortable?: boolean;
  /** Left out of the CSV (action buttons). */
  exportable?: boolean;
}
