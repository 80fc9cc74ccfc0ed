// Signing in with the admin token: it is tried on a real call before it is kept, so a wrong
// token is said at once, in the console's language.
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
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    document.title = `Vitrine · ${t.title}`;
  }, [t]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    session.set(token.trim());
    try {
      await hq.stores.list();
      props.onSignedIn();
    } catch (caught) {
      session.clear();
      if (!(caught instanceof ApiCallError)) return setError(t.unreachable);
      if (caught.status === 401) return setError(t.badToken);
      setError(caught.code === 'no_admin_token' ? t.noAdminToken : caught.message);
    }
  }

  return (
    <main className="sign-in">
      <LangSwitch lang={props.lang} onLang={props.onLang} className="action" />
      <h1>Vitrine · {t.title}</h1>
      <form onSubmit={(event) => void submit(event)}>
        <label>
          {t.adminToken}
          <input
            name="token"
            type="password"
            autoComplete="current-password"
            value={token}
            onChange={(e) => setToken(e.target.value)}
          />
        </label>
        <p className="hint">{t.adminTokenHint}</p>
        {error && <p role="alert">{error}</p>}
        <button type="submit" className="primary" disabled={token.trim() === ''}>
          {t.signIn}
        </button>
      </form>
    </main>
  );
}
