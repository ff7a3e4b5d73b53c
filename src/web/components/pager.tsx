import { useTranslation } from 'react-i18next';
import { pageCount } from '../lib/paging.ts';

/** Previous/next paging over `total` rows, `limit` a page, starting at `offset`. */
export function Pager({
  total,
  limit,
  offset,
  onChange,
}: {
  total: number;
  limit: number;
  offset: number;
  onChange: (offset: number) => void;
}) {
  const { t } = useTranslation();
  const pages = pageCount(total, limit);
  const page = Math.floor(offset / limit) + 1;
  return (
    <div className="pager">
      <span className="muted">{t('common.total', { count: total })}</span>
      <button type="button" className="button" disabled={offset <= 0} onClick={() => onChange(Math.max(0, offset - limit))}>
        {t('common.previous')}
      </button>
      <span aria-live="polite">{t('common.pageOf', { page, pages })}</span>
      <button type="button" className="button" disabled={offset + limit >= total} onClick={() => onChange(offset + limit)}>
        {t('common.next')}
      </button>
    </div>
  );
}
