// What every console starts with: its session (or the sign-in form), the role
// it needs, and the language the person chose. The console itself renders
// only once someone allowed is signed in.
import { useEffect, useState, type ReactNode } from 'react';
import { client, session } from './api';
import { initialConsoleLang, saveConsoleLang, type ConsoleLang } from './console-lang';
import { SignIn, type ConsoleUser } from './SignIn';

export type ConsoleContext = {
  user: ConsoleUser;
  lang: ConsoleLang;
  setLang: (lang: ConsoleLang) => void;
  signOut: () => void;
};

export function ConsoleGate(props: {
  title: Record<ConsoleLang, string>;
  /** Any one of these roles opens the console (admin always does). */
  roles: string[];
  noRole: Record<ConsoleLang, string>;
  children: (context: ConsoleContext) => ReactNode;
}) {
  const [user, setUser] = useState<ConsoleUser | null | undefined>(undefined);
  const [lang, setLangState] = useState<ConsoleLang>(initialConsoleLang);
  const setLang = (next: ConsoleLang) => {
    saveConsoleLang(next);
    setLangState(next);
  };
  const title = props.title[lang];
  useEffect(() => {
    document.title = `Vitrine · ${title}`;
  }, [title]);
  useEffect(() => {
    if (!session.token()) return setUser(null);
    client.auth.me().then(
      (me) => setUser(me.user),
      () => setUser(null),
    );
  }, []);
  if (user === undefined) return null;
  if (!user) {
    return <SignIn title={props.title[lang]} lang={lang} onLang={setLang} onSignedIn={setUser} />;
  }
  if (!user.roles.some((role) => role === 'admin' || props.roles.includes(role))) {
    return (
      <p role="alert" style={{ padding: '2rem' }}>
        {props.noRole[lang]}
      </p>
    );
  }
  const signOut = () => {
    void client.auth.logout().finally(() => {
      session.clear();
      setUser(null);
    });
  };
  return <>{props.children({ user, lang, setLang, signOut })}</>;
}
