import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

/** The page for a route the user's roles may not open (403) or that does not exist (404). */
export function StatusPage({ kind }: { kind: 'forbidden' | 'notFound' }) {
  const { t } = useTranslation();
  return (
    <section className="status-page" data-testid={kind === 'forbidden' ? 'forbidden' : 'not-found'}>
      <p className="status-code" aria-hidden="true">
        {kind === 'forbidden' ? '403' : '404'}
      </p>
      <h1>{t(`errors.${kind}Title`)}</h1>
      <p className="muted">{t(`errors.${kind}Body`)}</p>
      <Link className="button" to="/">
        {t('errors.backHome')}
      </Link>
    </section>
  );
}
