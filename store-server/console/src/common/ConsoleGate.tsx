// What every console starts with: its session (or the sign-in form), the role
// it needs, the language the person chose and the store it serves (its
// currency). The console itself renders only once someone allowed is signed in.
import { useEffect, useState, type ReactNode } from 'react';
import type { StoreInfo } from '@vitrine/shared/core';
import { client, session } from './api';
import { initialConsoleLang, saveConsoleLang, type ConsoleLang } from '@vitrine/shared/console-kit';
import { SignIn, type ConsoleUser } from './SignIn';

/** Asked with the session; a server that cannot say leaves the default currency. */
const storeInfo = (): Promise<StoreInfo | null> => client.store.info().catch(() => null);

export type ConsoleContext = {
  user: ConsoleUser;
  lang: ConsoleLang;
  setLang: (lang: ConsoleLang) => void;
  signOut: () => void;
  /** The store's id, currency and time zone; null when the server could not say. */
  store: StoreInfo | null;
};

export function ConsoleGate(props: {
  title: Record<ConsoleLang, string>;
  /** Any one of these roles opens the console (admin always does). */
  roles: string[];
  noRole: Record<ConsoleLang, string>;
  children: (context: ConsoleContext) => ReactNode;
}) {
  const [user, setUser] = useState<ConsoleUser | null | undefined>(undefined);
  const [store, setStore] = useState<StoreInfo | null | undefined>(undefined);
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
    // Both at once: a reload still costs one round trip before the console shows.
    Promise.all([client.auth.me(), storeInfo()]).then(
      ([me, info]) => {
        setStore(info);
        setUser(me.user);
      },
      () => setUser(null),
    );
  }, []);
  // After signing in with the form: the prices wait for it rather than show the wrong currency.
  const awaitingStore = Boolean(user) && store === undefined;
  useEffect(() => {
    if (awaitingStore) void storeInfo().then(setStore);
  }, [awaitingStore]);
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
  if (store === undefined) return null;
  const signOut = () => {
    void client.auth.logout().finally(() => {
      session.clear();
      setUser(null);
    });
  };
  return <>{props.children({ user, lang, setLang, signOut, store })}</>;
}
