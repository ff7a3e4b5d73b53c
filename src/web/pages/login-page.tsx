import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../api/error-message.ts';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { safeNext } from '../lib/safe-next.ts';
import { useSession } from '../session/session-context.tsx';

/** 登录: username and password; wrong credentials (401) and too many attempts (429, retry-after) are told apart. */
export default function LoginPage() {
  const { t } = useTranslation();
  const { status, signIn } = useSession();
  const [params] = useSearchParams();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  if (status === 'signed-in') return <Navigate to={safeNext(params.get('next'))} replace />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      await signIn(username.trim(), password);
    } catch (err) {
      setError(errorMessage(err, t));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login-screen">
      <form className="login-card" onSubmit={submit} aria-labelledby="login-title">
        <div className="login-brand">
          <span className="logo" aria-hidden="true">
            座
          </span>
          <div>
            <div className="app-name">{t('app.name')}</div>
            <div className="muted">{t('app.tagline')}</div>
          </div>
        </div>
        <h1 id="login-title">{t('login.title')}</h1>
        <p className="muted">{t('login.subtitle')}</p>
        {error && (
          <div className="alert alert-error" role="alert">
            {error}
          </div>
        )}
        <div className="field">
          <label htmlFor="login-username">{t('login.username')}</label>
          <input
            id="login-username"
            name="username"
            autoComplete="username"
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="login-password">{t('login.password')}</label>
          <input
            id="login-password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <button type="submit" className="button primary block" disabled={busy}>
          {busy ? t('login.submitting') : t('login.submit')}
        </button>
        <div className="login-footer">
          <LanguageSwitch />
        </div>
      </form>
    </main>
  );
}
