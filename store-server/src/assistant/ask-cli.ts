// npm run ask -- [--lang fr|en] [--product <id>] "question": the assistant's
// answer to one question, as JSON (its ids and scores), over the demo store's
// FAQ and catalogue as `npm start` serves them. For evaluation and for writing
// FAQ variants: what a question finds, and how sure it is.
import { parseArgs } from 'node:util';
import {
  AnswerEngine,
  answerQuestion,
  screenQuestion,
  type AssistantAnswer,
  type AssistantReply,
} from '@vitrine/shared/assistant';
import { generateDemoStore } from '../demo';

const USAGE = 'usage: npm run ask -- [--lang fr|en] [--product <product id>] "question"';

function main(): number {
  const { values, positionals } = parseArgs({
    options: { lang: { type: 'string', default: 'fr' }, product: { type: 'string' } },
    allowPositionals: true,
  });
  const question = positionals.join(' ').trim();
  const lang = values.lang;
  if (!question || (lang !== 'fr' && lang !== 'en')) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const demo = generateDemoStore({ now: new Date() });
  const product = values.product ? demo.products.find((p) => p.id === values.product) : undefined;
  if (values.product && !product) {
    process.stderr.write(`no product ${values.product} in the demo catalogue\n`);
    return 2;
  }
  const verdict = screenQuestion(question);
  const reply: AssistantReply =
    verdict === 'ok'
      ? answerQuestion(new AnswerEngine(demo.faq, demo.products), question, lang, product)
      : { question: '', lang, outcome: 'refused', answers: [] };
  const brief = (answer: AssistantAnswer) => ({
    id: answer.id,
    kind: answer.kind,
    confidence: Math.round(answer.confidence * 1000) / 1000,
    phrase: Math.round(answer.phrase * 1000) / 1000,
    evidence: Math.round(answer.evidence * 1000) / 1000,
    title: answer.title[reply.lang],
    ...(answer.productIds && { productIds: answer.productIds }),
    ...(answer.variantIds && { variantIds: answer.variantIds }),
  });
  const out = {
    question: reply.question,
    lang: reply.lang,
    outcome: reply.outcome,
    ...(verdict !== 'ok' && { verdict }),
    answers: reply.answers.map(brief),
    ...(reply.suggestions && { suggestions: reply.suggestions.map(brief) }),
  };
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  return 0;
}

process.exitCode = main();
