// The page's handle on the assistant worker: ask a question, get the reply
// (answered offline from the device's copy) and how long it took.
import type { AssistantLang, AssistantReply } from '../../core/assistant';
import type { FromAssistant, ToAssistant } from './assistant-protocol';

export type AssistantAnswerTimed = { reply: AssistantReply; ms: number };

/** A question unanswered this long is given up (the worker restarting, a page under load). */
const GIVE_UP_MS = 15_000;

export class DeviceAssistant {
  private readonly worker = new Worker(new URL('./assistant-worker.ts', import.meta.url), {
    type: 'module',
  });
  private nextId = 1;
  private readonly waiting = new Map<number, (answer: AssistantAnswerTimed) => void>();

  constructor(dbName: string) {
    this.worker.addEventListener('message', (event: MessageEvent<FromAssistant>) => {
      const resolve = this.waiting.get(event.data.id);
      this.waiting.delete(event.data.id);
      resolve?.({ reply: event.data.reply, ms: event.data.ms });
    });
    this.send({ type: 'open', dbName });
  }

  ask(question: string, lang: AssistantLang, productId?: string): Promise<AssistantAnswerTimed> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        resolve({ reply: { question: '', lang, outcome: 'unsure', answers: [] }, ms: GIVE_UP_MS });
      }, GIVE_UP_MS);
      this.waiting.set(id, (answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
      this.send({ type: 'ask', id, question, lang, ...(productId && { productId }) });
    });
  }

  /** Builds the engine ahead of the first question (the shopper opened the assistant). */
  warm(): void {
    this.send({ type: 'warm' });
  }

  private send(message: ToAssistant) {
    this.worker.postMessage(message);
  }

  dispose(): void {
    this.worker.terminate();
    this.waiting.clear();
  }
}
