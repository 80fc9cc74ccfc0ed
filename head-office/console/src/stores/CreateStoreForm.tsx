// A new store: id, name, region, time zone, currency and neighbours. Head office checks it
// all and its refusal is shown as it is.
import { useState, type FormEvent } from 'react';
import { parseIdList } from '@vitrine/shared/console-kit';
import type { HqStore } from '@vitrine/shared/core';
import { failure, hq } from '../api';
import { useText } from '../i18n';
import { Notice, type NoticeState } from '../Notice';

const EMPTY = {
  id: '',
  name: '',
  regionId: '',
  regionName: '',
  timeZone: 'Europe/Paris',
  currency: 'EUR',
  neighbours: '',
};

export function CreateStoreForm(props: { onCreated: (store: HqStore) => void }) {
  const { t } = useText();
  const [form, setForm] = useState(EMPTY);
  const [notice, setNotice] = useState<NoticeState>(null);
  const [busy, setBusy] = useState(false);
  const field = (name: keyof typeof EMPTY, label: string, size = 14) => (
    <label>
      {label}
      <input
        name={name}
        size={size}
        value={form[name]}
        onChange={(e) => setForm({ ...form, [name]: e.target.value })}
      />
    </label>
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setNotice(null);
    try {
      const store = await hq.stores.create({
        body: {
          id: form.id.trim(),
          name: form.name.trim(),
          ...(form.regionId.trim()
            ? {
                region: {
                  id: form.regionId.trim(),
                  name: form.regionName.trim() || form.regionId.trim(),
                },
              }
            : {}),
          timeZone: form.timeZone.trim(),
          currency: form.currency.trim(),
          neighbours: parseIdList(form.neighbours),
        },
      });
      setForm(EMPTY);
      props.onCreated(store);
    } catch (caught) {
      setNotice({ kind: 'alert', text: `${t.refused} ${failure(caught, t.unreachable)}` });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-label={t.newStore}>
      <h2>{t.newStore}</h2>
      <form className="row" onSubmit={(event) => void submit(event)}>
        {field('id', t.storeId, 12)}
        {field('name', t.storeName, 20)}
        {field('regionId', t.regionId, 10)}
        {field('regionName', t.regionName, 14)}
        {field('timeZone', t.timeZone, 16)}
        {field('currency', t.currency, 5)}
        {field('neighbours', t.neighbours, 24)}
        <button type="submit" className="primary" disabled={busy}>
          {t.createStore}
        </button>
      </form>
      <Notice notice={notice} />
    </section>
  );
}
