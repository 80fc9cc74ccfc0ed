// Signing in: a person with their user id and password (a session, 12 h), or the admin token for
// the first sign-in and for scripts. Either is tried on a real call before it is kept, so a wrong
// one is said at once, in the console's language.
import { useEffect, useState, type FormEvent } from 'react';
import { LangSwitch, type ConsoleLang } from '@vitrine/shared/console-kit';
import { ApiCallError, hq, session } from './api';
import { useText } from './i18n';

export function SignIn(props: {
  lang: ConsoleLang;
  onLang: (lang: ConsoleLang) => void;
  onSignedIn: () => void;
}) {
  const { t } = useText();
  const [userId, setUserId] = useState('');
  const [password, setPassword] = useState('');
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    document.title = `Vitrine · ${t.title}`;
  }, [t]);

  const refused = (caught: unknown, unauthorised: string) => {
    session.clear();
    if (!(caught instanceof ApiCallError)) return setError(t.unreachable);
    if (caught.status === 401) return setError(unauthorised);
    if (caught.status === 429) return setError(t.tooManyAttempts(caught.retryAfterSeconds ?? 60));
    setError(caught.message);
  };

  async function withPassword(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const signed = await hq.auth.login({ body: { userId: userId.trim(), password } });
      session.set(signed.token);
      props.onSignedIn();
    } catch (caught) {
      refused(caught, t.badPassword);
    }
  }

  async function withToken(event: FormEvent) {
    event.preventDefault();
    setError(null);
    session.set(token.trim());
    try {
      await hq.auth.me();
      props.onSignedIn();
    } catch (caught) {
      refused(caught, t.badToken);
    }
  }

  return (
    <main className="sign-in">
      <LangSwitch lang={props.lang} onLang={props.onLang} className="action" />
      <h1>Vitrine · {t.title}</h1>
      <form onSubmit={(event) => void withPassword(event)}>
        <label>
          {t.userId}
          <input
            name="user"
            autoComplete="username"
            value={userId}
            onChange={(e) => setUserId(e.target.value)}
          />
        </label>
        <label>
          {t.password}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error && <p role="alert">{error}</p>}
        <button type="submit" className="primary" disabled={userId.trim() === '' || !password}>
          {t.signIn}
        </button>
      </form>
      <details>
        <summary>{t.withAdminToken}</summary>
        <form onSubmit={(event) => void withToken(event)}>
          <label>
            {t.adminToken}
            <input
              name="token"
              type="password"
              autoComplete="off"
              value={token}
              onChange={(e) => setToken(e.target.value)}
            />
          </label>
          <p className="hint">{t.adminTokenHint}</p>
          <button type="submit" disabled={token.trim() === ''}>
            {t.signInWithToken}
          </button>
        </form>
      </details>
    </main>
  );
}
