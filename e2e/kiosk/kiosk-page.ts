// Helpers for driving the kiosk page: waiting for its sync, a demo product to
// use, wedge-scanner key strokes sent as real key events, and axe-core.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { StoreServer } from '@vitrine/store-server/server';

export type DemoProduct = { id: string; gtin: string; nameFr: string; nameEn: string };

/** A product without variants that has stock in the server's own store. */
export function demoProduct(server: StoreServer): DemoProduct {
  const row = server.db
    .prepare(
      `SELECT p.id, json_extract(p.body, '$.gtin') AS gtin,
              json_extract(p.body, '$.name.fr') AS nameFr, json_extract(p.body, '$.name.en') AS nameEn
       FROM sync_docs p JOIN sync_docs s ON s.collection = 'stock' AND s.id = p.id
       WHERE p.collection = 'products' AND json_array_length(p.body, '$.variants') = 0
         AND s.body LIKE ? ORDER BY p.id LIMIT 1`,
    )
    .get(`%"locationId":"${server.config.storeId}"%`) as DemoProduct | undefined;
  if (!row) throw new Error('no demo product with stock here');
  return row;
}

export async function waitForSync(page: Page, server: StoreServer): Promise<void> {
  const head = String(server.docs.head());
  await page.waitForFunction(
    (expected) =>
      document.querySelector('[data-testid="sync-status"]')?.getAttribute('data-checkpoint') ===
      expected,
    head,
    { timeout: 45_000 },
  );
}

/** Waits until the result list answers `query` with every hit rendered (and `total` counted, if given). */
export async function waitForResults(page: Page, query: string, total?: number): Promise<void> {
  await page.waitForFunction(
    ({ text, count }) => {
      const list = document.querySelector('[data-testid="results"]');
      const shown = document.querySelector('[data-testid="result-count"]')?.textContent ?? '';
      return (
        list?.getAttribute('data-answered') === text &&
        list.getAttribute('data-complete') === 'true' &&
        (count === undefined || shown.replace(/\D/g, '') === String(count))
      );
    },
    { text: query, count: total },
    { timeout: 45_000 },
  );
}

const AZERTY_DIGITS = ['à', '&', 'é', '"', "'", '(', '-', 'è', '_', 'ç'];

/**
 * Types `code` as a wedge scanner would: real key events through the browser's
 * input pipeline, stamped 4 ms apart, then Enter. With `azerty`, each digit key
 * produces the character a French layout gives for it (the physical key is the same).
 *
 * The stamps matter: the operating system stamps a real scanner's keys when they
 * arrive, however late a busy renderer handles them, and the detector reads
 * `event.timeStamp`. Without them, CDP round trips on a loaded machine spread
 * the keys past the 40 ms burst gap and the scan reads as a person typing.
 */
export async function wedgeScan(page: Page, code: string, layout: 'qwerty' | 'azerty') {
  const cdp = await page.context().newCDPSession(page);
  let stamp = Date.now() / 1000; // CDP takes seconds since the epoch
  const send = async (
    code_: string,
    key: string,
    keyCode: number,
    text?: string,
    shift = false,
  ) => {
    const modifiers = shift ? 8 : 0;
    stamp += 0.004;
    await cdp.send('Input.dispatchKeyEvent', {
      timestamp: stamp,
      type: text ? 'keyDown' : 'rawKeyDown',
      code: code_,
      key,
      modifiers,
      windowsVirtualKeyCode: keyCode,
      ...(text ? { text, unmodifiedText: text } : {}),
    });
    await cdp.send('Input.dispatchKeyEvent', {
      timestamp: stamp + 0.001,
      type: 'keyUp',
      code: code_,
      key,
      modifiers,
      windowsVirtualKeyCode: keyCode,
    });
  };
  for (const char of code) {
    if (/\d/.test(char)) {
      const digit = Number(char);
      const text = layout === 'azerty' ? AZERTY_DIGITS[digit]! : char;
      await send(`Digit${char}`, text, 48 + digit, text);
    } else {
      const upper = char.toUpperCase();
      await send(`Key${upper}`, char, upper.charCodeAt(0), char, char === upper);
    }
  }
  await send('Enter', 'Enter', 13, '\r');
  await cdp.detach();
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** Serious and critical axe-core violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    type Result = {
      violations: { id: string; impact: string | null; nodes: { target: unknown }[] }[];
    };
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<Result> } }).axe;
    const result = await axe.run(document);
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
  });
}
