// The assistant's engine in a Web Worker over the device's copy: built from
// the FAQ and the products the first time a shopper asks (a few seconds at
// 100,000 products, off the page's thread), built again at the next question
// after either changes. One conversation state per screen (the cool-down).
import Dexie from 'dexie';
import { AnswerEngine, AssistantTurns, type AssistantReply } from '../../core/assistant';
import { DeviceDb } from '../device-db';
import { ToAssistant, type FromAssistant } from './assistant-protocol';

let db: DeviceDb | undefined;
let turns: AssistantTurns | undefined;
let building: Promise<AssistantTurns> | undefined;

const post = (message: FromAssistant) => self.postMessage(message);

Dexie.on('storagemutated', (parts) => {
  if (!db) return;
  const read = ['faq', 'products'].some((table) => parts[`idb://${db!.name}/${table}/`]);
  // The next question rebuilds; the cool-down state starts afresh with it (a few seconds lost).
  if (read) turns = undefined;
});

async function current(): Promise<AssistantTurns> {
  if (turns) return turns;
  building ??= (async () => {
    try {
      const [faq, products] = await Promise.all([db!.faq.toArray(), db!.products.toArray()]);
      turns = new AssistantTurns(new AnswerEngine(faq, products));
      return turns;
    } finally {
      // A failed read (the copy closed or upgraded under it) is tried again at the next question.
      building = undefined;
    }
  })();
  return building;
}

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  const parsed = ToAssistant.safeParse(event.data);
  if (!parsed.success) return;
  const message = parsed.data;
  if (message.type === 'open') {
    db ??= new DeviceDb(message.dbName);
    return;
  }
  if (!db) return;
  if (message.type === 'warm') {
    void current().catch(() => undefined);
    return;
  }
  const started = performance.now();
  const answer = async (): Promise<AssistantReply> => {
    const engineTurns = await current();
    const product = message.productId ? await db!.products.get(message.productId) : undefined;
    return engineTurns.ask(message.question, message.lang, { product });
  };
  // Always a reply: a screen waiting on a question that never comes back would be stuck.
  void answer()
    .catch((): AssistantReply => ({
      question: '',
      lang: message.lang,
      outcome: 'unsure',
      answers: [],
    }))
    .then((reply) =>
      post({ type: 'reply', id: message.id, reply, ms: performance.now() - started }),
    );
});
