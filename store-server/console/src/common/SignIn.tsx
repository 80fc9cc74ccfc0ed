// The sign-in form every console starts with.
import { useState, type FormEvent } from 'react';
import { api, ConsoleApiError, session } from './api';

export type ConsoleUser = { id: string; name: string; roles: string[] };

export function SignIn(props: { title: string; onSignedIn: (user: ConsoleUser) => void }) {
  const [userId, setUserId] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const result = await api<{ token: string; user: ConsoleUser }>('/auth/login', {
        body: { userId, password },
      });
      session.set(result.token);
      props.onSignedIn(result.user);
    } catch (caught) {
      setError(
        caught instanceof ConsoleApiError
          ? caught.message
          : 'Serveur injoignable / Server unreachable',
      );
    }
  }

  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', maxWidth: '24rem', margin: '4rem auto' }}>
      <h1>{props.title}</h1>
      <form onSubmit={(event) => void submit(event)}>
        <p>
          <label>
            Identifiant / User id
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
            Mot de passe / Password
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
        <button type="submit">Se connecter / Sign in</button>
      </form>
    </main>
  );
}
