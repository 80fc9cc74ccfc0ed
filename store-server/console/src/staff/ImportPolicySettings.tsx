// The chain's rule for feeds that are mostly wrong, on the Catalogue tab (a
// manager's tab): the share of refused lines above which a whole file is
// refused, said before an import and changed here; the rule that is not a
// setting (a full import needs a product) beside it.
import { useEffect, useState, type FormEvent } from 'react';
import type { ImportPolicy } from '@vitrine/shared/core';
import { client } from '../common/api';
import { refusal } from '../common/refusal';
import { catalogueMessages } from './catalogue-messages';
import { useText } from './i18n';
import { readPolicyPercent, type PolicyInputProblem } from './policy-input';

type Note = { saved: number } | { refused: unknown };

export function ImportPolicySettings() {
  const { t: words, lang, locale } = useText();
  const t = catalogueMessages[lang];
  const [policy, setPolicy] = useState<ImportPolicy | null>(null);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<PolicyInputProblem | null>(null);
  const [note, setNote] = useState<Note | null>(null);
  const [saving, setSaving] = useState(false);

  const written = (percent: number) =>
    percent.toLocaleString(locale, { maximumFractionDigits: 2, useGrouping: false });
  const share = (percent: number) =>
    (percent / 100).toLocaleString(locale, { style: 'percent', maximumFractionDigits: 2 });

  useEffect(() => {
    // Without it the import form still works: the server applies the rule anyway.
    client.imports.importPolicy().then(
      (answer) => {
        setPolicy(answer);
        setText(written(answer.maxBadLinePercent));
      },
      (caught: unknown) => setNote({ refused: caught }),
    );
  }, []);

  async function save(event: FormEvent) {
    event.preventDefault();
    setNote(null);
    const read = readPolicyPercent(text);
    setProblem(read.ok ? null : read.problem);
    if (!read.ok) return;
    setSaving(true);
    try {
      const saved = await client.imports.setImportPolicy({
        body: { maxBadLinePercent: read.percent },
      });
      setPolicy(saved);
      setText(written(saved.maxBadLinePercent));
      setNote({ saved: saved.maxBadLinePercent });
    } catch (caught) {
      setNote({ refused: caught });
    } finally {
      setSaving(false);
    }
  }

  return (
    <div className="import-policy" role="group" aria-labelledby="import-policy-title">
      <h3 id="import-policy-title">{t.policyTitle}</h3>
      {policy && <p data-testid="import-policy">{t.policy(share(policy.maxBadLinePercent))}</p>}
      <p>{t.policyFullImport}</p>
      <form className="policy-form" noValidate onSubmit={(event) => void save(event)}>
        <label htmlFor="import-policy-percent">{t.policyField}</label>
        <span className="percent">
          <input
            id="import-policy-percent"
            data-testid="import-policy-percent"
            inputMode="decimal"
            autoComplete="off"
            size={6}
            value={text}
            disabled={!policy}
            aria-invalid={problem !== null}
            aria-describedby={problem ? 'import-policy-problem' : undefined}
            onChange={(event) => {
              setText(event.target.value);
              setProblem(null);
              setNote(null);
            }}
          />
          %
        </span>
        <button type="submit" className="action" disabled={!policy || saving}>
          {t.policySave}
        </button>
      </form>
      {problem && (
        <p role="alert" id="import-policy-problem">
          {t.policyInvalid[problem]}
        </p>
      )}
      {note && 'saved' in note && <p role="status">{t.policySaved(share(note.saved))}</p>}
      {note && 'refused' in note && <p role="alert">{refusal(note.refused, words)}</p>}
    </div>
  );
}
