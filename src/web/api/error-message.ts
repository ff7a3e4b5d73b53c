import { ApiError } from './api-error.ts';

type T = (key: string, options?: Record<string, unknown>) => string;

/**
 * The sentence to show for a failed call, in the UI language. The server's `detail` is English and
 * technical, so it is shown inside a translated sentence, never alone; 403 always reads "no permission".
 */
export function errorMessage(error: unknown, t: T): string {
  if (!(error instanceof ApiError)) return t('errors.network');
  const detail = error.problem.detail ?? error.problem.title;
  switch (error.status) {
    case 400:
    case 422:
      return error.problem.errors?.length ? t('common.checkFields') : t('errors.badRequest', { detail });
    case 401:
      return t('login.wrongCredentials');
    case 403:
      return t('errors.forbiddenBody');
    case 404:
      return t('errors.notFound', { detail });
    case 409:
      return t('errors.conflict', { detail });
    case 429:
      return error.retryAfterSeconds != null
        ? t('login.tooManyAttempts', { seconds: error.retryAfterSeconds })
        : t('login.tooManyAttemptsNoWait');
    default:
      return t('errors.server', { status: error.status, detail });
  }
}
