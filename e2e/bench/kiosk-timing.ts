// In-page timing for the kiosk benches: every time is read with performance.now()
// inside the page, from the key event's arrival to the frame that shows the result
// (a requestAnimationFrame after the DOM has it, then a task after that frame).
import type { CDPSession, Page } from 'playwright-core';

export type Timing = { fromFirstKey: number; fromLastKey: number };

type BenchWindow = Window & {
  benchWhenPainted: (ready: () => boolean) => Promise<number>;
  benchResult: Promise<{ first?: number; last?: number; paintedAt: number }>;
};

/** Runs in the page: resolves once `ready()` holds, after the next frame is produced. */
function installWhenPainted() {
  (window as unknown as BenchWindow).benchWhenPainted = (ready) =>
    new Promise((resolve) => {
      const done = () =>
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(performance.now());
          channel.port2.postMessage(0);
        });
      if (ready()) return done();
      const observer = new MutationObserver(() => {
        if (!ready()) return;
        observer.disconnect();
        done();
      });
      observer.observe(document.body, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
      });
    });
}

/** Arms the page: records the first and last keydown and when the product page is painted. */
async function armProductWatch(
  page: Page,
  productName: string,
  lastKey: string,
  withReviews: boolean,
): Promise<void> {
  await page.evaluate(installWhenPainted);
  await page.evaluate(
    ({ name, last, reviews }) => {
      const state: { first?: number; last?: number } = {};
      const onKey = (event: KeyboardEvent) => {
        const at = performance.now();
        state.first ??= at;
        if (event.code === last) state.last = at;
      };
      window.addEventListener('keydown', onKey, { capture: true });
      const bench = window as unknown as BenchWindow;
      const shown = () =>
        document.querySelector('[data-testid="product"] h2')?.textContent === name &&
        !!document.querySelector('[data-testid="stock-here"]') &&
        (!reviews || !!document.querySelector('[data-testid="reviews"] .average'));
      bench.benchResult = bench.benchWhenPainted(shown).then((paintedAt) => {
        window.removeEventListener('keydown', onKey, { capture: true });
        return { ...state, paintedAt };
      });
    },
    { name: productName, last: lastKey, reviews: withReviews },
  );
}

/** What the page shows, for a timeout message that says where it stopped. */
const onScreen = (page: Page) =>
  page.evaluate(() =>
    (document.querySelector('main')?.textContent ?? document.body.textContent ?? '').slice(0, 300),
  );

async function collect(page: Page, what: string, timeoutMs: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const result = await Promise.race([
    page.evaluate(() => (window as unknown as BenchWindow).benchResult),
    new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs))),
  ]);
  clearTimeout(timer);
  if (result === 'timeout')
    throw new Error(
      `bench: ${what} not shown in ${timeoutMs} ms; on screen: ${await onScreen(page)}`,
    );
  if (result.first === undefined || result.last === undefined)
    throw new Error(`bench: ${what}: the page saw no key event`);
  return {
    fromFirstKey: result.paintedAt - result.first,
    fromLastKey: result.paintedAt - result.last,
  };
}

/**
 * A wedge scan as real key events (digits by physical key, then Enter), sent
 * back to back as a fast scanner does, timed to the product page with its
 * stock and reviews painted (stock only with `withReviews` false: a page the
 * store server answered while the copy fills has no reviews yet).
 */
export async function timeWedgeScan(
  page: Page,
  cdp: CDPSession,
  code: string,
  productName: string,
  withReviews = true,
): Promise<Timing> {
  await armProductWatch(page, productName, 'Enter', withReviews);
  const keys: [string, string, number, string][] = [...code].map((digit) => [
    `Digit${digit}`,
    digit,
    48 + Number(digit),
    digit,
  ]);
  keys.push(['Enter', 'Enter', 13, '\r']);
  const sent: Promise<unknown>[] = [];
  for (const [keyCode, key, virtualKey, text] of keys) {
    const event = { code: keyCode, key, windowsVirtualKeyCode: virtualKey };
    sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...event, text }));
    sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...event }));
  }
  await Promise.all(sent);
  return collect(page, `product page for ${code}`, 10_000);
}

/** One keystroke in the search box, timed to the results for the new text being painted. */
export async function timeKeystroke(page: Page, char: string, expected: string): Promise<number> {
  await page.evaluate(installWhenPainted);
  await page.evaluate((query) => {
    const state: { first?: number; last?: number } = {};
    const input = document.querySelector('[data-testid="search-input"]');
    const onKey = () => {
      state.first ??= performance.now();
      state.last = state.first;
    };
    input?.addEventListener('keydown', onKey, { capture: true });
    const bench = window as unknown as BenchWindow;
    const shown = () =>
      document.querySelector('[data-testid="results"]')?.getAttribute('data-answered') === query;
    bench.benchResult = bench.benchWhenPainted(shown).then((paintedAt) => {
      input?.removeEventListener('keydown', onKey, { capture: true });
      return { ...state, paintedAt };
    });
  }, expected);
  await page.keyboard.press(char === ' ' ? 'Space' : char);
  return (await collect(page, `results for "${expected}"`, 10_000)).fromFirstKey;
}
