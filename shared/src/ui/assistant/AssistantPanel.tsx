// The assistant on a kiosk or a mirror: the shopper types a question (or taps
// it on the screen's keyboard) and gets the best answer with up to two more,
// asked and answered on the device from its own copy, offline too. When it is
// not sure it says so, offers the closest question and a person, and never
// guesses. "Talk to someone" sends staff the whole conversation (masked) and
// the products looked at, so nobody asks the shopper again; "Talk to an expert" shows
// while one who can help with the product it is about is free. Replies: AnswerView.tsx.
import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { DeviceHandle, StoredProduct } from '../../client';
import type { DeviceAssistant } from '../../client/assistant';
import { skillForProduct, type NewDeviceEvent, type Promotion } from '../../core';
import { useI18n } from '../i18n/i18n';
import { callText } from '../call/call-text';
import { useSessionLine } from '../call/expert-line-context';
import { viewedProducts } from '../call/viewed-products';
import { useStoreSettings } from '../screen/use-store-settings';
import { AnswerView } from './AnswerView';
import { ContinueOnPhone } from './ContinueOnPhone';
import { OnScreenKeyboard } from './OnScreenKeyboard';
import { transcriptOf, type AssistantTurn } from './assistant-transcript';
import './assistant.css';

const MAX_LENGTH = 200;
/** The conversation on screen: its latest turns (a hand-off still sends the last 30 lines). */
const SHOWN_TURNS = 12;

/** The turns so far and their setter, held by the shopper's session (useState). */
export type AssistantConversation = [
  AssistantTurn[],
  (update: (turns: AssistantTurn[]) => AssistantTurn[]) => void,
];

export function AssistantPanel(props: {
  assistant: DeviceAssistant;
  device: DeviceHandle;
  /** The product on screen, for "this one" questions. */
  productId?: string | undefined;
  place: string;
  record: (event: NewDeviceEvent) => void;
  promotions: readonly Promotion[];
  onOpenProduct: (productId: string, variantId?: string) => void;
  /** The session's conversation: it outlives the panel while the shopper looks at a product. */
  conversation: AssistantConversation;
}) {
  const { t, lang } = useI18n();
  const [text, setText] = useState('');
  const [turns, setTurns] = props.conversation;
  const [asking, setAsking] = useState(false);
  const [handedOff, setHandedOff] = useState(false);
  const [products, setProducts] = useState<Map<string, StoredProduct>>(new Map());
  const input = useRef<HTMLInputElement>(null);
  const log = useRef<HTMLOListElement>(null);

  const wanted = turns.flatMap(({ reply }) =>
    [...reply.answers, ...(reply.suggestions ?? [])].flatMap((answer) => answer.productIds ?? []),
  );
  const wantedKey = [...new Set([...(props.productId ? [props.productId] : []), ...wanted])].join(
    ',',
  );
  useEffect(() => {
    const ids = wantedKey ? wantedKey.split(',') : [];
    if (ids.length === 0) return;
    let live = true;
    void props.device.db.products.bulkGet(ids).then((found) => {
      if (live) setProducts(new Map(found.filter((p) => p !== undefined).map((p) => [p.id, p])));
    });
    return () => {
      live = false;
    };
  }, [props.device, wantedKey]);
  useEffect(() => {
    log.current?.lastElementChild?.scrollIntoView({ block: 'nearest' });
  }, [turns]);
  // Built while the shopper types the first question (1–2 s at a few thousand products).
  useEffect(() => props.assistant.warm(), [props.assistant]);

  async function ask(event?: FormEvent) {
    event?.preventDefault();
    const question = text.trim();
    if (!question || asking) return;
    setAsking(true);
    try {
      const { reply, ms } = await props.assistant.ask(question, lang, props.productId);
      setTurns((current) => [...current, { reply, ms }]);
      // Not answered well: head office hears of it (masked), grouped with the same question.
      const key = reply.outcome === 'unsure' ? reply.key : undefined;
      if (key)
        props.record({
          kind: 'question',
          payload: {
            question: reply.question.slice(0, 200),
            lang: reply.lang,
            key,
            ...(reply.suggestions && { closestId: reply.suggestions[0]!.id }),
            ...(props.productId && { productId: props.productId }),
          },
        });
      setText('');
    } finally {
      setAsking(false);
      input.current?.focus();
    }
  }

  const names = (ids: string[]) => ids.map((id) => products.get(id)?.name[lang] ?? id).join(', ');
  // The product the conversation is about now: the latest answer's first, else the one on screen.
  const latest = turns.findLast(({ reply }) => reply.answers[0]?.productIds?.length)?.reply;
  const subject = products.get(latest?.answers[0]?.productIds?.[0] ?? props.productId ?? '');
  const session = useSessionLine();
  const settings = useStoreSettings(props.device.db, props.device.storeId);
  const skill = subject ? skillForProduct(subject, settings?.skillsByDepartment) : undefined;
  // Click-to-chat only while an expert with that skill is free, and no call is under way.
  const expertFree =
    skill !== undefined &&
    (session?.line.availability?.[skill]?.available ?? 0) > 0 &&
    ['idle', 'refused'].includes(session?.line.call.phase ?? '');

  function callExpert() {
    if (!session || !skill || !subject) return;
    // The call is shown by the session's dock (this panel has no call view): name its place,
    // then say no panel shows it.
    session.showing({ lang, productId: subject.id, open: (id) => props.onOpenProduct(id) })();
    void session.line.request({
      skill,
      productId: subject.id,
      viewed: viewedProducts().filter((id) => id !== subject.id),
      lang,
      transcript: transcriptOf(turns, t.assistant, names),
    });
  }

  function handOff() {
    props.record({
      kind: 'request',
      payload: {
        type: 'help',
        place: props.place,
        ...(props.productId && { productId: props.productId }),
        transcript: transcriptOf(turns, t.assistant, names),
        // What this session looked at, latest first, the product on screen leading.
        viewed: [
          ...new Set([
            ...(props.productId ? [props.productId] : []),
            ...viewedProducts().reverse(),
          ]),
        ].slice(0, 20),
      },
    });
    setHandedOff(true);
  }

  return (
    <section
      className="assistant"
      aria-labelledby="assistant-title"
      data-testid="assistant"
      data-subject={subject?.id}
      data-skill={skill}
      data-free={Object.entries(session?.line.availability ?? {})
        .filter(([, counts]) => counts.available > 0)
        .map(([name]) => name)
        .join(' ')}
    >
      <h2 id="assistant-title">{t.assistant.title}</h2>
      <ol className="assistant-log" ref={log} aria-live="polite" data-testid="assistant-log">
        {turns.slice(-SHOWN_TURNS).map(({ reply, ms }, index, shown) => (
          <li
            key={turns.length - shown.length + index}
            data-turn={turns.length - shown.length + index}
            className="assistant-turn"
            data-outcome={reply.outcome}
            data-ms={ms.toFixed(1)}
          >
            {reply.question && (
              <p className="assistant-question">
                <span className="who">{t.assistant.you}</span> {reply.question}
              </p>
            )}
            <AnswerView
              reply={reply}
              products={products}
              device={props.device}
              promotions={props.promotions}
              onOpenProduct={props.onOpenProduct}
            />
          </li>
        ))}
        {asking && <li className="assistant-thinking">{t.assistant.thinking}</li>}
      </ol>
      <form className="assistant-ask" onSubmit={(event) => void ask(event)}>
        <label htmlFor="assistant-input" className="sr-only">
          {t.assistant.label}
        </label>
        <input
          id="assistant-input"
          ref={input}
          data-testid="assistant-input"
          value={text}
          maxLength={MAX_LENGTH}
          placeholder={t.assistant.placeholder}
          autoComplete="off"
          enterKeyHint="send"
          onChange={(event) => setText(event.target.value)}
        />
        <button type="submit" className="primary" disabled={asking || !text.trim()}>
          {t.assistant.ask}
        </button>
      </form>
      <OnScreenKeyboard
        onKey={(key) => setText((current) => (current + key).slice(0, MAX_LENGTH))}
        onErase={() => setText((current) => current.slice(0, -1))}
        onEnter={() => void ask()}
      />
      <footer className="assistant-footer">
        <ContinueOnPhone
          device={props.device}
          productIds={[...(props.productId ? [props.productId] : []), ...wanted]}
        />
        {expertFree && (
          <button
            type="button"
            className="primary"
            data-testid="assistant-expert"
            onClick={callExpert}
          >
            {callText('talk', lang)}
          </button>
        )}
        {handedOff ? (
          <p role="status" data-testid="assistant-handed-off">
            {t.assistant.handedOff}
          </p>
        ) : (
          <button type="button" data-testid="assistant-hand-off" onClick={handOff}>
            {t.assistant.talkToSomeone}
          </button>
        )}
      </footer>
    </section>
  );
}
