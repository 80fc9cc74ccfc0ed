// Helpers for driving the kiosk page: waiting for its sync, a demo product to
// use, wedge-scanner key strokes sent as real key events, and axe-core.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Locator, Page } from 'playwright-core';
import type { StoreServer } from '@vitrine/store-server/server';

export type DemoProduct = {
  id: string;
  gtin: string;
  /** Its one variant (a product sold as one item): what its stock is counted by. */
  variantId: string;
  nameFr: string;
  nameEn: string;
};

/** A product sold as one item (no size or colour) that has stock in the server's own store. */
export function demoProduct(server: StoreServer): DemoProduct {
  const row = server.db
    .prepare(
      `SELECT p.id, json_extract(p.body, '$.gtin') AS gtin,
              json_extract(p.body, '$.variants[0].id') AS variantId,
              json_extract(p.body, '$.name.fr') AS nameFr, json_extract(p.body, '$.name.en') AS nameEn
       FROM sync_docs p JOIN sync_docs s ON s.collection = 'stock' AND s.id = p.id
       WHERE p.collection = 'products' AND json_array_length(p.body, '$.variants') = 1
         AND json_type(p.body, '$.variants[0].size') IS NULL
         AND json_type(p.body, '$.variants[0].colour') IS NULL
         AND s.body LIKE ? ORDER BY p.id LIMIT 1`,
    )
    .get(`%"locationId":"${server.config.storeId}"%`) as DemoProduct | undefined;
  if (!row) throw new Error('no demo product with stock here');
  return row;
}

export function waitForSync(page: Page, server: StoreServer): Promise<void> {
  return waitForCheckpoint(page, server.docs.head());
}

/** Waits until the page's copy has reached `head` (a server in another process gives its head). */
export async function waitForCheckpoint(page: Page, revision: number): Promise<void> {
  const head = String(revision);
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
const AZERTY_MOVED: Record<string, string> = { A: 'Q', Q: 'A', Z: 'W', W: 'Z' };

/**
 * How the scanner and the PC are set up:
 * - `qwerty`: a QWERTY scanner on a QWERTY PC;
 * - `azerty`: a QWERTY scanner on a French AZERTY PC: each digit key gives the
 *   character AZERTY has there without Shift (`à&é"'(-è_ç`), the physical key is the same;
 * - `azerty-scanner`: a scanner configured for AZERTY on an AZERTY PC: Shift+digit
 *   keys give digits, and A/Q, Z/W sit on each other's keys.
 */
export type WedgeLayout = 'qwerty' | 'azerty' | 'azerty-scanner';

type KeyStroke = { code: string; key: string; keyCode: number; text?: string; shift?: boolean };

function strokeOf(char: string, layout: WedgeLayout): KeyStroke {
  if (/\d/.test(char)) {
    const digit = Number(char);
    const code = `Digit${char}`;
    if (layout === 'azerty-scanner')
      return { code, key: char, keyCode: 48 + digit, text: char, shift: true };
    const text = layout === 'azerty' ? AZERTY_DIGITS[digit]! : char;
    return { code, key: text, keyCode: 48 + digit, text };
  }
  const upper = char.toUpperCase();
  const physical = layout === 'azerty-scanner' ? (AZERTY_MOVED[upper] ?? upper) : upper;
  return {
    code: `Key${physical}`,
    key: char,
    keyCode: upper.charCodeAt(0),
    text: char,
    shift: char === upper,
  };
}

/**
 * Types `code` as a wedge scanner would: real key events through the browser's
 * input pipeline, stamped 4 ms apart, then the suffix (Enter unless told).
 *
 * The stamps matter: the operating system stamps a real scanner's keys when they
 * arrive, however late a busy renderer handles them, and the detector reads
 * `event.timeStamp`. The events are sent without waiting for each other, as a
 * scanner does not wait for the page either.
 */
export async function wedgeScan(
  page: Page,
  code: string,
  layout: WedgeLayout,
  options: { suffix?: 'Enter' | 'Tab' | 'none' } = {},
) {
  const cdp = await page.context().newCDPSession(page);
  let stamp = Date.now() / 1000; // CDP takes seconds since the epoch
  const sent: Promise<unknown>[] = [];
  const send = (stroke: KeyStroke) => {
    const { code: code_, key, keyCode, text, shift } = stroke;
    const common = { code: code_, key, modifiers: shift ? 8 : 0, windowsVirtualKeyCode: keyCode };
    stamp += 0.004;
    sent.push(
      cdp.send('Input.dispatchKeyEvent', {
        ...common,
        timestamp: stamp,
        type: text ? 'keyDown' : 'rawKeyDown',
        ...(text ? { text, unmodifiedText: text } : {}),
      }),
      cdp.send('Input.dispatchKeyEvent', { ...common, timestamp: stamp + 0.001, type: 'keyUp' }),
    );
  };
  for (const char of code) send(strokeOf(char, layout));
  const suffix = options.suffix ?? 'Enter';
  if (suffix === 'Enter') send({ code: 'Enter', key: 'Enter', keyCode: 13, text: '\r' });
  if (suffix === 'Tab') send({ code: 'Tab', key: 'Tab', keyCode: 9 });
  await Promise.all(sent);
  await cdp.detach();
}

/**
 * Opens the staff overlay as staff do: five taps on the brand, then the PIN.
 * Returns the overlay (its name is the session's language).
 */
export async function openStaffOverlay(page: Page, pin: string, lang: 'fr' | 'en' = 'fr') {
  const names =
    lang === 'fr'
      ? ['Code du personnel', 'Valider', 'Espace personnel']
      : ['Staff code', 'OK', 'Staff panel'];
  for (let i = 0; i < 5; i++) await page.getByTestId('brand').click();
  const pad = page.getByRole('dialog', { name: names[0] });
  for (const digit of pin) await pad.getByRole('button', { name: digit, exact: true }).click();
  await pad.getByRole('button', { name: names[1] }).click();
  const overlay = page.getByRole('dialog', { name: names[2] });
  await overlay.waitFor();
  return overlay;
}

const CONTACT_WORDS = {
  fr: { name: 'Nom', phone: 'Téléphone', email: 'E-mail', send: 'Envoyer la demande' },
  en: { name: 'Name', phone: 'Phone', email: 'Email', send: 'Send the request' },
};

/**
 * Fills the reservation / order contact dialog with the fields given, ticks
 * the consent (unless told not to), and sends it.
 */
export async function fillShopperContact(
  dialog: Locator,
  contact: { name?: string; phone?: string; email?: string; consent?: boolean },
  lang: 'fr' | 'en',
) {
  const words = CONTACT_WORDS[lang];
  for (const field of ['name', 'phone', 'email'] as const) {
    const value = contact[field];
    if (value !== undefined) await dialog.getByLabel(words[field], { exact: true }).fill(value);
  }
  if (contact.consent !== false) await dialog.getByRole('checkbox').check();
  await dialog.getByRole('button', { name: words.send }).click();
}

/**
 * Visible controls inside `selector` smaller than `min` px either way (by
 * default the page's own `--touch` size), named by their text for the message.
 */
export function smallTargets(page: Page, selector: string, min?: number): Promise<string[]> {
  return page.evaluate(
    ({ selector, min }) => {
      const touch =
        min ?? parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--touch'));
      const controls = document.querySelectorAll<HTMLElement>(
        `${selector} :is(button, input, select, summary, a[href])`,
      );
      return [...controls]
        .filter((control) => control.offsetParent !== null)
        .map((control) => ({ control, box: control.getBoundingClientRect() }))
        .filter(({ box }) => box.height < touch - 0.5 || box.width < touch - 0.5)
        .map(
          ({ control, box }) =>
            `${control.getAttribute('name') ?? control.textContent} ${box.width}×${box.height} < ${touch}`,
        );
    },
    { selector, min },
  );
}

/**
 * What a missing fact must never leave inside `selector`: an empty heading,
 * an empty line, "undefined" or "NaN", a broken picture, or content wider
 * than the screen.
 */
export function blemishes(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((root) => {
    const scope = document.querySelector<HTMLElement>(root);
    if (!scope) return [`nothing matches ${root}`];
    const problems: string[] = [];
    const name = (el: Element) => `${el.tagName.toLowerCase()}.${el.className || el.id}`;
    if (/\b(undefined|NaN)\b|\[object Object\]/.test(scope.innerText))
      problems.push(`shows ${/\b(undefined|NaN)\b|\[object Object\]/.exec(scope.innerText)?.[0]}`);
    for (const heading of scope.querySelectorAll('h1, h2, h3, h4, caption, th'))
      if (!heading.textContent?.trim()) problems.push(`empty ${name(heading)}`);
    for (const line of scope.querySelectorAll('p, li, td, span'))
      if (
        !line.textContent?.trim() &&
        line.children.length === 0 &&
        !line.matches('[aria-hidden="true"], [role="img"], [role="status"], [aria-live]')
      )
        problems.push(`empty ${name(line)}`);
    for (const image of scope.querySelectorAll('img'))
      if (image.complete && image.naturalWidth === 0) problems.push(`broken img ${image.src}`);
    for (const el of scope.querySelectorAll<HTMLElement>('*')) {
      const box = el.getBoundingClientRect();
      if (box.width > 0 && (box.right > innerWidth + 0.5 || box.left < -0.5))
        problems.push(`${name(el)} out of the screen (${box.left}–${box.right})`);
    }
    return problems;
  }, selector);
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
