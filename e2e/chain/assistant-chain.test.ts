// The assistant's knowledge growing across a chain, end to end: `npm run chain` (head office on
// PostgreSQL and NATS, three stores) and real kiosk pages in Chromium. A question no answer
// covers, asked at one store's kiosk, appears at head office grouped with its count and store;
// a person answers it in head office's console; the next kiosk asked, in another store, answers
// it from its own copy.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import {
  addDays,
  hqRoutes,
  latestLocalDate,
  routeUrl,
  type UnansweredGroup,
} from '@vitrine/shared/core';
import { startChain, type RunningChain } from '../../head-office/src/chain/start-chain';
import { launchChromium } from '../support/chromium';
import { openHqConsole } from './hq-console-page';
import { REPO_ROOT } from '../support/test-server';

const QUESTION = 'Puis-je recharger ma voiture électrique ici ?';
const ANSWER =
  'Oui : deux bornes de recharge au niveau -1 du parking, gratuites pendant vos achats.';
const base = mkdtempSync(join(tmpdir(), 'vitrine-chain-assistant-'));
chmodSync(base, 0o755); // PostgreSQL runs as user postgres
let chain: RunningChain | undefined;
let browser: BrowserContext | undefined;

beforeAll(async () => {
  chain = await startChain({
    repoRoot: REPO_ROOT,
    dir: join(base, 'chain'),
    basePort: 0,
    demoScale: 100,
  });
  browser = await launchChromium();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await chain?.stop();
  rmSync(base, { recursive: true, force: true });
});

/** Opens a store's kiosk on its assistant, once the kiosk has its copy of the FAQ. */
async function kioskAssistant(url: string): Promise<Page> {
  const page = await browser!.newPage();
  await page.setViewportSize({ width: 1080, height: 1920 });
  await page.goto(url);
  await page.getByTestId('assistant-button').click();
  // The copy fills from the store: wait until a FAQ question is answered from it.
  await expect
    .poll(async () => (await ask(page, 'où sont les toilettes')).outcome, {
      timeout: 120_000,
      interval: 1_000,
    })
    .toBe('answered');
  return page;
}

async function ask(page: Page, question: string) {
  const turns = page.getByTestId('assistant-log').locator('li.assistant-turn');
  const before = await turns.count();
  await page.getByTestId('assistant-input').fill(question);
  await page.getByTestId('assistant-input').press('Enter');
  // A screen gives a question up after 15 s (assistant-client.ts): a turn always comes.
  await expect.poll(() => turns.count(), { timeout: 30_000 }).toBe(before + 1);
  const turn = turns.last();
  return {
    outcome: await turn.getAttribute('data-outcome'),
    answerId: await turn
      .getByTestId('assistant-answer')
      .getAttribute('data-answer-id')
      .catch(() => null),
    text: await turn.textContent(),
  };
}

describe('the assistant’s knowledge across a chain', () => {
  it('learns at head office what one store could not answer, and every store answers it next', async () => {
    const { headOffice, stores } = chain!.endpoints;
    const [first, second] = stores;
    const kioskA = await kioskAssistant(first!.kiosk);
    // Each step's time is printed: under the full suite's load they are what a failure needs.
    const started = Date.now();
    expect((await ask(kioskA, QUESTION)).outcome).toBe('unsure');

    // The question reaches head office (store → NATS → PostgreSQL), grouped with its store.
    // The stores' today, whichever side of their midnight the test runs (as the console asks).
    const to = latestLocalDate(Date.now());
    const unanswered = async () => {
      const response = await fetch(
        routeUrl(headOffice.url, hqRoutes.assistant.unanswered, {
          query: { from: addDays(to, -1), to, limit: 50 },
        }),
        { headers: { authorization: `Bearer ${headOffice.adminToken}` } },
      );
      return ((await response.json()) as { groups: UnansweredGroup[] }).groups;
    };
    await expect
      .poll(async () => (await unanswered()).find((group) => group.sample === QUESTION)?.stores, {
        timeout: 120_000,
        interval: 1_000,
      })
      .toEqual([{ storeId: first!.id, count: 1 }]);
    console.log(`at head office ${Date.now() - started} ms after the kiosk was ready`);

    // A person answers it in head office's console.
    const hqConsole = await openHqConsole(browser!, headOffice);
    await hqConsole.getByRole('tab', { name: 'Assistant' }).click();
    const row = hqConsole.getByTestId('unanswered').locator('tr', { hasText: QUESTION });
    await row.getByRole('button', { name: 'Answer' }).click();
    await hqConsole
      .getByLabel('Question (French)')
      .fill('Pouvez-vous recharger une voiture électrique ?');
    await hqConsole.getByLabel('Answer (French)').fill(ANSWER);
    await hqConsole.getByLabel('Question (English)').fill('Can I charge an electric car?');
    await hqConsole
      .getByLabel('Answer (English)')
      .fill('Yes: two charging points on level -1 of the car park, free while you shop.');
    await hqConsole.getByRole('button', { name: 'Send to every store' }).click();
    await hqConsole.getByRole('status').filter({ hasText: 'sent to every store' }).waitFor();
    await expect
      .poll(() => hqConsole.getByTestId('unanswered').locator('tr', { hasText: QUESTION }).count())
      .toBe(0);

    // Another store's kiosk answers it, from its own copy: a fresh kiosk page at each try (a
    // page left asking under the full suite's load once stopped answering: see the notes).
    await expect
      .poll(
        async () => {
          const kioskB = await kioskAssistant(second!.kiosk);
          try {
            return (await ask(kioskB, QUESTION)).text;
          } finally {
            await kioskB.close();
          }
        },
        { timeout: 240_000, interval: 2_000 },
      )
      .toContain(ANSWER);
    console.log(`answered at another store ${Date.now() - started} ms after the question`);
  }, 480_000);
});
