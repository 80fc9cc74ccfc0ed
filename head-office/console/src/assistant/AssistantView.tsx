// The stores' assistants at head office: the questions they could not answer well over the last
// 30 days, grouped however they were worded, with how often and where; "Answer" opens the form
// with that question as another wording, and the answer goes to every store's screens. Below,
// the answers already written, each editable.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import {
  addDays,
  latestLocalDate,
  type FaqEntry,
  type UnansweredGroup,
} from '@vitrine/shared/core';
import { failure, hq } from '../api';
import { useText } from '../i18n';
import { Notice, type NoticeState } from '../Notice';

const DAYS = 30;
const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);

type Draft = {
  id: string;
  questionFr: string;
  questionEn: string;
  answerFr: string;
  answerEn: string;
  variantsFr: string;
  variantsEn: string;
  tags: string;
  /** The groups this answer answers (they leave the list). */
  answers: { lang: 'fr' | 'en'; key: string }[];
};
const EMPTY: Draft = {
  id: '',
  questionFr: '',
  questionEn: '',
  answerFr: '',
  answerEn: '',
  variantsFr: '',
  variantsEn: '',
  tags: '',
  answers: [],
};

const draftOf = (entry: FaqEntry): Draft => ({
  id: entry.id,
  questionFr: entry.question.fr,
  questionEn: entry.question.en,
  answerFr: entry.answer.fr,
  answerEn: entry.answer.en,
  variantsFr: (entry.variants?.fr ?? []).join('\n'),
  variantsEn: (entry.variants?.en ?? []).join('\n'),
  tags: entry.tags.join(', '),
  answers: [],
});

/** A new answer's id from its question: "paiement-en-bitcoin". */
const idOf = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 48);

export function AssistantView() {
  const { t } = useText();
  const a = t.assistant;
  const [groups, setGroups] = useState<UnansweredGroup[] | null>(null);
  const [entries, setEntries] = useState<FaqEntry[]>([]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [notice, setNotice] = useState<NoticeState>(null);
  const reload = useCallback(() => {
    // Up to every store's today: a store east of head office may be in tomorrow already.
    const to = latestLocalDate(Date.now());
    hq.assistant.unanswered({ query: { from: addDays(to, -DAYS), to, limit: 50 } }).then(
      (answer) => setGroups(answer.groups),
      (caught: unknown) => setNotice({ kind: 'alert', text: failure(caught, t.unreachable) }),
    );
    hq.assistant.faq().then(
      (answer) => setEntries(answer.entries),
      () => undefined,
    );
  }, [t]);
  useEffect(reload, [reload]);

  function answer(group: UnansweredGroup) {
    const wordings = group.samples.join('\n');
    const asked = group.lang === 'fr' ? { variantsFr: wordings } : { variantsEn: wordings };
    setDraft({
      ...EMPTY,
      id: idOf(group.key),
      ...asked,
      answers: group.keys.map((key) => ({ lang: group.lang, key })),
    });
  }

  async function publish(event: FormEvent) {
    event.preventDefault();
    if (!draft) return;
    const entry: FaqEntry = {
      id: draft.id.trim(),
      question: { fr: draft.questionFr.trim(), en: draft.questionEn.trim() },
      answer: { fr: draft.answerFr.trim(), en: draft.answerEn.trim() },
      tags: draft.tags
        .split(',')
        .map((tag) => tag.trim())
        .filter((tag) => tag.length > 0),
      variants: { fr: lines(draft.variantsFr), en: lines(draft.variantsEn) },
    };
    try {
      await hq.assistant.putFaq({
        params: { id: entry.id },
        body: { entry, answers: draft.answers },
      });
      setNotice({ kind: 'status', text: a.saved(entry.id) });
      setDraft(null);
      reload();
    } catch (caught) {
      setNotice({ kind: 'alert', text: failure(caught, t.unreachable) });
    }
  }

  const field = (key: Exclude<keyof Draft, 'answers'>, label: string, multiline = false) => (
    <label className="field">
      {label}
      {multiline ? (
        <textarea
          value={draft?.[key] ?? ''}
          rows={3}
          onChange={(event) => draft && setDraft({ ...draft, [key]: event.target.value })}
        />
      ) : (
        <input
          value={draft?.[key] ?? ''}
          required={key !== 'tags'}
          onChange={(event) => draft && setDraft({ ...draft, [key]: event.target.value })}
        />
      )}
    </label>
  );

  return (
    <section data-testid="assistant-view">
      <h2>{a.unansweredTitle}</h2>
      <p className="hint">{a.unansweredHint}</p>
      <Notice notice={notice} />
      {groups?.length === 0 && <p>{a.none}</p>}
      {groups && groups.length > 0 && (
        <table data-testid="unanswered">
          <thead>
            <tr>
              <th>{a.question}</th>
              <th>{a.lang}</th>
              <th>{a.asked}</th>
              <th>{a.stores}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {groups.map((group) => (
              <tr key={`${group.lang} ${group.key}`} data-key={group.key}>
                <td>
                  {group.sample}
                  {group.samples.length > 1 && (
                    <span className="other-wordings"> · {group.samples.slice(1).join(' · ')}</span>
                  )}
                </td>
                <td>{group.lang}</td>
                <td>{group.count}</td>
                <td>
                  {group.stores.map((store) => `${store.storeId} (${store.count})`).join(', ')}
                </td>
                <td>
                  <button type="button" className="action" onClick={() => answer(group)}>
                    {a.answer}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {draft && (
        <form className="assistant-answer-form" onSubmit={(event) => void publish(event)}>
          <h3>{a.formTitle}</h3>
          {field('id', a.id)}
          {field('questionFr', a.questionFr)}
          {field('answerFr', a.answerFr, true)}
          {field('variantsFr', a.variantsFr, true)}
          {field('questionEn', a.questionEn)}
          {field('answerEn', a.answerEn, true)}
          {field('variantsEn', a.variantsEn, true)}
          {field('tags', a.tags)}
          <button type="submit" className="action primary">
            {a.publish}
          </button>
        </form>
      )}
      <h2>{a.answersTitle}</h2>
      <ul className="faq-entries" data-testid="faq-entries">
        {entries.map((entry) => (
          <li key={entry.id}>
            <strong>{entry.question.fr}</strong> · {entry.answer.fr}{' '}
            <button type="button" className="action" onClick={() => setDraft(draftOf(entry))}>
              {a.edit}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
