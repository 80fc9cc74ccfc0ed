// The sign-in form every console starts with, in the language chosen.
import type { StaffUser } from '@vitrine/shared/core';
import { useState, type FormEvent } from 'react';
import { ApiCallError, client, session } from './api';
import { LangSwitch, type ConsoleLang } from '@vitrine/shared/console-kit';

/** A signed-in console user: the store server's StaffUser. */
export type ConsoleUser = StaffUser;

const TEXT = {
  fr: {
    userId: 'Identifiant ou nom',
    password: 'Mot de passe',
    signIn: 'Se connecter',
    unreachable: 'Serveur injoignable. Vérifiez le réseau puis réessayez.',
    bad_credentials: 'Identifiant ou mot de passe incorrect.',
    too_many_attempts: (wait: string) =>
      `Trop d’essais manqués depuis cet appareil\u202f: réessayez dans ${wait}.`,
  },
  en: {
    userId: 'User id or name',
    password: 'Password',
    signIn: 'Sign in',
    unreachable: 'Server unreachable. Check the network, then try again.',
    bad_credentials: 'Unknown user or wrong password.',
    too_many_attempts: (wait: string) =>
      `Too many failed attempts from this device: try again in ${wait}.`,
  },
} satisfies Record<ConsoleLang, Record<string, string | ((wait: string) => string)>>;

/** A wait as a person says it: "45 s", "2 min" (Retry-After is in seconds). */
function waitText(seconds: number | undefined): string {
  const s = seconds ?? 60;
  return s < 60 ? `${s}\u00a0s` : `${Math.ceil(s / 60)}\u00a0min`;
}

export function SignIn(props: {
  title: string;
  lang: ConsoleLang;
  onLang: (lang: ConsoleLang) => void;
  onSignedIn: (user: ConsoleUser) => void;
}) {
  const text = TEXT[props.lang];
  const [userId, setUserId] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const result = await client.auth.login({ body: { userId, password } });
      session.set(result.token);
      props.onSignedIn(result.user);
    } catch (caught) {
      if (!(caught instanceof ApiCallError)) return setError(text.unreachable);
      // The server's own words are English; the two everyday refusals are said in the console's language.
      if (caught.code === 'too_many_attempts')
        return setError(text.too_many_attempts(waitText(caught.retryAfterSeconds)));
      setError(caught.code === 'bad_credentials' ? text.bad_credentials : caught.message);
    }
  }

  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', maxWidth: '24rem', margin: '4rem auto' }}>
      <LangSwitch lang={props.lang} onLang={props.onLang} />
      <h1>{props.title}</h1>
      <form onSubmit={(event) => void submit(event)}>
        <p>
          <label>
            {text.userId}
            <br />
            <input
              name="userId"
              autoComplete="username"
              value={userId}
              onChange={(e) => setUserId(e.target.value)}
            />
          </label>
        </p>
        <p>
          <label>
            {text.password}
            <br />
            <input
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </label>
        </p>
        {error && <p role="alert">{error}</p>}
        <button type="submit">{text.signIn}</button>
      </form>
    </main>
  );
}
