// A screen's name and the language it shows, set from the fleet view by a
// store manager or a publisher. The server validates both.
import { useState } from 'react';
import type { ScreenView } from '@vitrine/shared/core';
import { ApiCallError, client } from '../common/api';
import { useText } from './i18n';

export function ScreenSettings(props: { screen: ScreenView; onSaved: () => void }) {
  const { t } = useText();
  const { screen } = props;
  const [name, setName] = useState(screen.name);
  const [lang, setLang] = useState<'fr' | 'en'>(screen.profile?.lang ?? 'fr');
  const [note, setNote] = useState<string | null>(null);
  const save = async () => {
    setNote(null);
    try {
      const params = { id: screen.deviceId };
      await client.fleet.rename({ params, body: { name } });
      const profile = screen.profile;
      await client.fleet.setProfile({
        params,
        body: {
          ...(profile?.region ? { region: profile.region } : {}),
          groups: profile?.groups ?? [],
          tags: profile?.tags ?? [],
          lang,
        },
      });
      setNote(t.screenSaved);
      props.onSaved();
    } catch (error) {
      setNote(error instanceof ApiCallError ? error.message : t.unreachable);
    }
  };
  return (
    <form
      className="screen-settings"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <label>
        {t.screenName}{' '}
        <input value={name} maxLength={60} required onChange={(e) => setName(e.target.value)} />
      </label>{' '}
      <label>
        {t.screenLang}{' '}
        <select value={lang} onChange={(e) => setLang(e.target.value === 'en' ? 'en' : 'fr')}>
          <option value="fr">{t.langs.fr}</option>
          <option value="en">{t.langs.en}</option>
        </select>
      </label>{' '}
      <button type="submit" className="action">
        {t.saveScreen}
      </button>
      {note && <small role="status">{note}</small>}
    </form>
  );
}
