import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error.ts';
import { errorMessage } from '../api/error-message.ts';

/** A failed call's message in the UI language; 403 gets the "no permission" title. Nothing when no error. */
export function ProblemAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const forbidden = error instanceof ApiError && error.status === 403;
  return (
    <div className="alert alert-error" role="alert">
      {forbidden && <strong>{t('errors.forbiddenTitle')}: </strong>}
      {errorMessage(error, t)}
    </div>
  );
}
